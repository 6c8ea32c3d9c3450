package dev.vigil.risk.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimsParameterTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "  ",
        "{}",
        "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"2\"]}}}",
        "{\"id_token\":{\"acr\":{\"value\":\"2\"}},\"userinfo\":{\"acr\":null}}",
        "{\"id_token\":{\"acr\":null,\"email\":{\"essential\":true}}}",
        "{\"userinfo\":{\"given_name\":{\"essential\":\"any\"}}}",
        "{\"id_token\":null}",
        "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"99\"]}}}"
    })
    void absentOrWellFormedClaimsPass(String claims) {
        assertThat(ClaimsParameter.problemWith(claims)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{                                                              | claims is not JSON",
        "not json                                                       | claims is not JSON",
        "[]                                                             | claims must be a JSON object",
        "null                                                           | claims must be a JSON object",
        "\"2\"                                                          | claims must be a JSON object",
        "{\"id_token\":[]}                                              | claims.id_token must be a JSON object",
        "{\"userinfo\":\"acr\"}                                         | claims.userinfo must be a JSON object",
        "{\"id_token\":{\"acr\":\"2\"}}                                 | claims.id_token.acr must be null or a JSON object",
        "{\"id_token\":{\"acr\":{\"essential\":\"yes\"}}}               | claims.id_token.acr essential must be true or false",
        "{\"id_token\":{\"acr\":{\"value\":2}}}                         | claims.id_token.acr value must be a string",
        "{\"id_token\":{\"acr\":{\"values\":\"2\"}}}                    | claims.id_token.acr values must be an array of strings",
        "{\"userinfo\":{\"acr\":{\"values\":[{\"nested\":true}]}}}      | claims.userinfo.acr values must be an array of strings",
        "{\"id_token\":{\"acr\":{\"values\":[\"2\",2]}}}                | claims.id_token.acr values must be an array of strings"
    })
    void malformedClaimsAreNamed(String claims, String problem) {
        assertThat(ClaimsParameter.problemWith(claims)).contains(problem);
    }
}
