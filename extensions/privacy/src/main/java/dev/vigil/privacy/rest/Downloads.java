package dev.vigil.privacy.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.vigil.privacy.rights.ConsentReceipts;
import dev.vigil.privacy.rights.SubjectData;

/** The two files a data subject can download, the same from the REST API and from the account page. */
final class Downloads {

    private Downloads() {
    }

    static Response export(SubjectData data) {
        return attachment(Response.ok(data.export(), MediaType.APPLICATION_JSON_TYPE), "vigil-data.json");
    }

    static Response receipt(SubjectData data, String consentId) {
        return data.receipt(consentId)
                .map(receipt -> attachment(Response.ok(receipt, ConsentReceipts.MEDIA_TYPE), "vigil-consent-receipt.jwt"))
                .orElseThrow(() -> new NotFoundException("no such consent"));
    }

    /** Personal data: a download, never cached. */
    private static Response attachment(Response.ResponseBuilder response, String filename) {
        return response.header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
