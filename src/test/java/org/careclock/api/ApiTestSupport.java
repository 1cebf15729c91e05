package org.careclock.api;

import org.careclock.testing.SpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * API tests against the shared application context (demo data, virtual time): requests go
 * through the API's security filters and Spring MVC with the test key and a server token signed with the test secret, as the
 * SDK sends them (raw Authorization header, api_key query parameter).
 */
abstract class ApiTestSupport extends SpringTest {

    static final String KEY = "test-api-key";
    static final String SECRET = "test-api-secret-with-enough-length-0123456789";

    @Autowired
    private WebApplicationContext context;

    protected MockMvc mvc;

    @BeforeEach
    void setUpMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static String serverToken() {
        return TestTokens.server(SECRET);
    }

    static String jwt(String headerJson, String payloadJson, String secret) {
        return TestTokens.jwt(headerJson, payloadJson, secret);
    }

    /** A request as the SDK sends it. */
    static MockHttpServletRequestBuilder signed(HttpMethod method, String path) {
        return request(method, path).queryParam("api_key", KEY)
                .header("Authorization", serverToken())
                .header("stream-auth-type", "jwt");
    }

    ResultActions call(HttpMethod method, String path, String body) throws Exception {
        MockHttpServletRequestBuilder request = signed(method, path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    ResultActions apiPost(String path, String body) throws Exception {
        return call(HttpMethod.POST, path, body);
    }

    ResultActions apiGet(String path) throws Exception {
        return call(HttpMethod.GET, path, null);
    }

    ResultActions apiPut(String path, String body) throws Exception {
        return call(HttpMethod.PUT, path, body);
    }

    ResultActions apiPatch(String path, String body) throws Exception {
        return call(HttpMethod.PATCH, path, body);
    }

    /** Asserts the wire's error body: {@code {"code":N,"message":"…","StatusCode":H}}. */
    static void assertError(ResultActions result, int httpStatus, int code, String messagePart) throws Exception {
        result.andExpect(status().is(httpStatus))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.StatusCode").value(httpStatus))
                .andExpect(jsonPath("$.message", containsString(messagePart)));
    }
}
