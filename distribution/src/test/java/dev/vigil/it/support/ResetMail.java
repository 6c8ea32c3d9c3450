package dev.vigil.it.support;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A GreenMail SMTP server set as a realm's mail server for one test (the realm's settings are put back on
 * close), and the reading of Keycloak's "reset password" link from the e-mails it receives.
 */
public final class ResetMail implements AutoCloseable {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+?/login-actions/action-token\\?[^\\s\"<>]+");

    private final GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final AdminApi admin;
    private final String realmPath;
    private final JsonNode original;

    public ResetMail(AdminApi admin, String realm) {
        this.admin = admin;
        this.realmPath = "/realms/" + realm;
        smtp.start();
        original = admin.get(realmPath);
        ObjectNode withSmtp = original.deepCopy();
        withSmtp.putObject("smtpServer").put("host", "127.0.0.1").put("port", String.valueOf(smtp.getSmtp().getPort()))
                .put("from", "vigil@example.test");
        AdminApi.expect(204, admin.put(realmPath, withSmtp));
    }

    /** The link of the latest e-mail to {@code address}; waits a little for it. */
    public URI latestLinkTo(String address) {
        if (!smtp.waitForIncomingEmail(10_000, 1)) {
            throw new AssertionError("no e-mail arrived");
        }
        MimeMessage[] messages = smtp.getReceivedMessagesForDomain(address);
        if (messages.length == 0) {
            throw new AssertionError("no e-mail to " + address);
        }
        Matcher link = ACTION_LINK.matcher(text(messages[messages.length - 1]));
        if (!link.find()) {
            throw new AssertionError("no action link in the e-mail to " + address);
        }
        return URI.create(link.group().replace("&amp;", "&"));
    }

    private static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    text.append(part.getContent()).append('\n');
                }
                return text.toString();
            }
            return String.valueOf(content);
        } catch (IOException | MessagingException e) {
            throw new AssertionError("unreadable e-mail", e);
        }
    }

    @Override
    public void close() {
        try {
            AdminApi.expect(204, admin.put(realmPath, original));
        } finally {
            smtp.stop();
        }
    }
}
