package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * "Download my data" builds the package with the subject-data engine (the privacy module's {@code SubjectData} bean,
 * built separately): this test passes once that engine is part of the build.
 */
class OwnDataDownloadTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]*)\"");

    @Test
    void aPersonDownloadsWhatTeam365HoldsAboutThemFromEachOfTheirClients() throws Exception {
        SignedUp owner = signUpAndVerify("Download Co");
        Joined member = inviteAndJoin(owner, "member");
        apiToken(member.session());

        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;
        post(
                http,
                base + "/login",
                Map.of("username", member.email(), "password", member.password()),
                csrf(http, base + "/login"));
        HttpResponse<byte[]> download =
                post(http, base + "/settings/account/download", Map.of(), csrf(http, base + "/settings/account"));

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, String> files = unzip(download.body());
        String folder = "client-" + owner.tenantId() + "/";
        assertThat(files).containsKey("README.txt");
        assertThat(files.keySet()).anyMatch(name -> name.startsWith(folder));
        String everything = files.entrySet().stream()
                .filter(e -> e.getKey().startsWith(folder))
                .map(Map.Entry::getValue)
                .collect(Collectors.joining("\n"));
        assertThat(everything)
                .as("their account, from the registry")
                .contains(member.email())
                .contains(member.userId().toString());
        assertThat(TenantContext.callAs(
                        new TenantId(owner.tenantId()),
                        null,
                        () -> jdbc.sql("select count(*) from audit_events where action = 'account.data-downloaded'"
                                        + " and actor_id = ?")
                                .param(member.userId())
                                .query(Long.class)
                                .single()))
                .isEqualTo(1);

        HttpClient anonymous = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        assertThat(post(anonymous, base + "/settings/account/download", Map.of(), csrf(anonymous, base + "/login"))
                        .statusCode())
                .as("only for the signed-in person")
                .isNotEqualTo(200);
    }

    private static String csrf(HttpClient http, String page) throws IOException, InterruptedException {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(page)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher matcher = CSRF.matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static HttpResponse<byte[]> post(HttpClient http, String url, Map<String, String> fields, String csrf)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String form = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
