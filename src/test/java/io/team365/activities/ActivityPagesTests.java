package io.team365.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActivityPagesTests extends IntegrationTest {

    @Test
    void myTasksGroupsOpenActivitiesByDueDateInTheUsersTimeZone() {
        SignedUp owner = signUpAndVerify("Agenda Co");
        Browserless browser = owner.session();
        assertThat(browser.page("/activities").body()).contains("Nothing to do");

        // a time zone far from UTC, and a due time its day and UTC's day put in different groups
        Instant now = Instant.now();
        ZoneId zone = null;
        Instant boundary = null;
        for (String candidate : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            for (int k = 1; k <= 96 && boundary == null; k++) {
                Instant t = now.plus(30L * k, ChronoUnit.MINUTES);
                String local = group(t, now, ZoneId.of(candidate));
                if (!local.equals(group(t, now, ZoneOffset.UTC)) && !local.equals("overdue")) {
                    zone = ZoneId.of(candidate);
                    boundary = t;
                }
            }
            if (boundary != null) {
                break;
            }
        }
        assertThat(boundary).isNotNull();
        HttpResponse<String> saved =
                browser.postForm("/settings/profile", Map.of("name", "Olive Owner", "timeZone", zone.getId()));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

        String contact = contact(browser, "Agenda", "Anna");
        task(browser, contact, "Missed call back", now.minus(3, ChronoUnit.HOURS));
        task(browser, contact, "Zone boundary task", boundary);
        task(browser, contact, "Next month review", now.plus(30, ChronoUnit.DAYS));
        task(browser, contact, "Someday maybe", null);
        String done = task(browser, contact, "Already handled", now.minus(1, ChronoUnit.DAYS));
        browser.postJson("/api/v1/activities/" + done + "/complete", "");

        String page = browser.page("/activities").body();
        assertThat(section(page, "overdue")).contains("Missed call back").contains("(1)");
        assertThat(section(page, group(boundary, now, zone)))
                .as("grouped by the day in " + zone + ", not in UTC")
                .contains("Zone boundary task");
        assertThat(section(page, group(boundary, now, ZoneOffset.UTC))).doesNotContain("Zone boundary task");
        assertThat(section(page, "upcoming")).contains("Next month review");
        assertThat(section(page, "no-date")).contains("Someday maybe").contains("(1)");
        assertThat(page).doesNotContain("Already handled");
        assertThat(page.indexOf("id=\"group-overdue\"")).isLessThan(page.indexOf("id=\"group-today\""));
        assertThat(page.indexOf("id=\"group-upcoming\"")).isLessThan(page.indexOf("id=\"group-no-date\""));
        assertThat(browser.page("/activities?show=done").body())
                .contains("Already handled")
                .doesNotContain("Someday maybe");
        assertThat(browser.page("/activities?type=call").body()).contains("Nothing to do");
    }

    @Test
    void tickToCompleteWorksWithAndWithoutJavaScript() {
        SignedUp owner = signUpAndVerify("Tick Co");
        Browserless browser = owner.session();
        String contact = contact(browser, "Tick", "Tom");
        String plain = task(browser, contact, "Tick me plainly", null);
        String htmx = task(browser, contact, "Tick me with htmx", null);
        String list = browser.page("/activities").body();
        assertThat(list)
                .contains("action=\"/activities/" + plain + "/complete\"")
                .contains("hx-post=\"/activities/" + htmx + "/complete\"")
                .contains("name=\"_csrf\"");

        HttpResponse<String> posted =
                browser.postForm("/activities/" + plain + "/complete", Map.of("next", "/activities?who=me"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/activities?who=me");
        assertThat(browser.postForm("/activities/" + plain + "/reopen", Map.of("next", "https://evil.example/"))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .as("never redirects off the site")
                .endsWith("/activities/" + plain);
        browser.postForm("/activities/" + plain + "/complete", Map.of());

        HttpResponse<String> fragment =
                browser.postForm("/activities/" + htmx + "/complete", Map.of("view", "item", "next", "/activities"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body().strip())
                .startsWith("<li")
                .contains("id=\"activity-" + htmx + "\"")
                .contains("is-done")
                .contains("aria-pressed=\"true\"")
                .contains("/activities/" + htmx + "/reopen")
                .doesNotContain("<html");

        String open = browser.page("/activities").body();
        assertThat(open).doesNotContain("Tick me plainly").doesNotContain("Tick me with htmx");
        assertThat(browser.page("/activities?show=done").body()).contains("Tick me plainly", "Tick me with htmx");
    }

    @Test
    void theRecordPanelListsActivitiesAndQuickAddsThroughHtmx() {
        SignedUp owner = signUpAndVerify("Panel Co");
        Browserless browser = owner.session();
        String contact = contact(browser, "Panel", "Pia");
        String query = "recordType=contact&recordId=" + contact;
        String empty = browser.page("/activities/panel?" + query).body();
        assertThat(empty)
                .contains("id=\"activities-panel\"")
                .contains("No activities yet")
                .contains("hx-post=\"/activities/panel?" + query.replace("&", "&amp;") + "\"")
                .contains("name=\"_csrf\"")
                .contains("<label for=\"qa-subject\"")
                .contains("<textarea id=\"qa-body\"");

        HttpResponse<String> invalid = browser.postForm(
                "/activities/panel?" + query,
                form("view", "panel", "type", "task", "subject", "", "dueAt", "not a time", "body", ""));
        assertThat(invalid.statusCode())
                .as("htmx swaps only successful answers")
                .isEqualTo(200);
        assertThat(invalid.body())
                .contains("id=\"qa-subject-error\"")
                .contains("id=\"qa-dueAt-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"not a time\"");

        HttpResponse<String> added = browser.postForm(
                "/activities/panel?" + query,
                form(
                        "view",
                        "panel",
                        "type",
                        "note",
                        "subject",
                        "",
                        "dueAt",
                        "",
                        "body",
                        "Pia prefers email<script>alert(1)</script>\n\n<a href=\"javascript:x()\">link</a>"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body())
                .contains("Activity added.")
                .contains("Pia prefers email")
                .doesNotContain("<script>")
                .doesNotContain("javascript:");
        browser.postForm(
                "/activities/panel?" + query,
                form("view", "panel", "type", "call", "subject", "Call Pia", "dueAt", "2031-05-06T07:08", "body", ""));
        String tasks = browser.page("/activities/panel?" + query).body();
        assertThat(tasks.indexOf("Call Pia")).as("newest first").isLessThan(tasks.indexOf("Pia prefers email"));

        HttpResponse<String> plain = browser.postForm(
                "/activities/panel?" + query,
                form("type", "task", "subject", "Without JavaScript", "dueAt", "", "body", ""));
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location").orElse("")).endsWith("/contacts/" + contact);

        String call = Browserless.jsonField(
                browser.get("/api/v1/activities?filter[type]=call&filter[recordType]=contact&filter[recordId]="
                                + contact)
                        .body(),
                "id");
        HttpResponse<String> ticked = browser.postForm(
                "/activities/" + call + "/complete",
                form("view", "panel", "recordType", "contact", "recordId", contact, "next", "/contacts/" + contact));
        assertThat(ticked.body()).contains("id=\"activities-panel\"");
        assertThat(ticked.body().indexOf("Call Pia"))
                .as("done ones after the open ones")
                .isGreaterThan(ticked.body().indexOf("Without JavaScript"));

        SignedUp other = signUpAndVerify("Panel Snoop Co");
        assertThat(other.session().page("/activities/panel?" + query).statusCode())
                .isEqualTo(404);
        assertThat(browser.page("/activities/panel?recordType=contact&recordId=nope")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void newEditCompleteTrashAndRestoreThroughThePages() {
        SignedUp owner = signUpAndVerify("Activity Pages Co");
        Browserless browser = owner.session();
        String contact = contact(browser, "Page", "Paul");
        String form = browser.page("/activities/new?type=meeting&recordType=contact&recordId=" + contact)
                .body();
        assertThat(form)
                .contains("Paul")
                .contains("name=\"recordId\" value=\"" + contact + "\"")
                .contains("<option value=\"meeting\" selected>");
        assertThat(browser.page("/activities/new").body()).contains("Start from a record");

        HttpResponse<String> invalid = browser.postForm(
                "/activities",
                form(
                        "type",
                        "meeting",
                        "subject",
                        "Kick-off",
                        "dueAt",
                        "2031-02-03T10:00",
                        "endAt",
                        "2031-02-03T09:00",
                        "body",
                        "",
                        "recordType",
                        "contact",
                        "recordId",
                        contact));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"endAt-error\"").contains("The end must be after the start");

        HttpResponse<String> created = browser.postForm(
                "/activities",
                form(
                        "type",
                        "meeting",
                        "subject",
                        "Kick-off",
                        "dueAt",
                        "2031-02-03T10:00",
                        "endAt",
                        "2031-02-03T11:30",
                        "body",
                        "Agenda <first>",
                        "recordType",
                        "contact",
                        "recordId",
                        contact));
        String location = created.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/activities/").endsWith("?done=created");
        String path = location.substring(location.indexOf("/activities/"), location.indexOf('?'));
        String id = path.substring("/activities/".length());
        String shown = browser.page(path).body();
        assertThat(shown)
                .contains("Kick-off")
                .contains("href=\"/contacts/" + contact + "\">Paul Page</a>")
                .contains("Agenda &lt;first&gt;")
                .contains("value=\"2031-02-03T11:30\"");
        assertThat(browser.get("/api/v1/activities/" + id).body())
                .as("form times are in the user's zone (UTC here)")
                .contains("\"dueAt\":\"2031-02-03T10:00:00Z\"");

        HttpResponse<String> saved = browser.postForm(
                path,
                form(
                        "type",
                        "meeting",
                        "subject",
                        "Kick-off moved",
                        "dueAt",
                        "2031-02-04T10:00",
                        "endAt",
                        "",
                        "body",
                        "Agenda <first>",
                        "version",
                        "1"));
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("?done=saved");
        HttpResponse<String> stale = browser.postForm(
                path, form("type", "meeting", "subject", "Lost", "dueAt", "", "endAt", "", "body", "", "version", "1"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this activity").contains("value=\"Kick-off moved\"");

        browser.postForm(path + "/complete", Map.of("next", path));
        assertThat(browser.page(path).body()).contains("Mark not done");

        assertThat(browser.postForm(path + "/delete", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/activities?done=trashed");
        assertThat(browser.page("/activities?show=trash").body()).contains("Kick-off moved");
        assertThat(browser.page(path).body()).contains("This activity is in the trash");
        browser.postForm(path + "/restore", Map.of());
        assertThat(browser.page(path).body()).doesNotContain("This activity is in the trash");
        assertThat(browser.page("/activities/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void notesRenderTheirSanitisedHtml() {
        SignedUp owner = signUpAndVerify("Note Pages Co");
        Browserless browser = owner.session();
        String contact = contact(browser, "Note", "Nina");
        HttpResponse<String> created = browser.postJson("/api/v1/activities", """
                {"type":"note","subject":"Rich note","body":"<p>See <a href=\\"https://example.com\\">the site</a> and <strong>act</strong></p><img src=x onerror=alert(1)>",
                 "links":[{"type":"contact","id":"%s"}]}""".formatted(contact));
        String id = Browserless.jsonField(created.body(), "id");
        String page = browser.page("/activities/" + id).body();
        assertThat(page)
                .contains(
                        "<div class=\"note-body\"><p>See <a href=\"https://example.com\" rel=\"noopener nofollow\">the site</a>"
                                + " and <strong>act</strong></p></div>")
                .doesNotContain("onerror");
    }

    @Test
    void readOnlyUsersSeeActivitiesButCannotChangeThem() {
        SignedUp owner = signUpAndVerify("Read Only Activities Co");
        String contact = contact(owner.session(), "Read", "Rita");
        String id = task(owner.session(), contact, "Read only task", null);
        Joined viewer = inviteAndJoin(owner, "read-only");
        String page = viewer.session().page("/activities/" + id).body();
        assertThat(page)
                .contains("Read only task")
                .doesNotContain("name=\"version\"")
                .doesNotContain("Mark done");
        assertThat(viewer.session().page("/activities?who=all").body())
                .contains("Read only task")
                .doesNotContain("/complete\"");
        String panel = viewer.session()
                .page("/activities/panel?recordType=contact&recordId=" + contact)
                .body();
        assertThat(panel).contains("Read only task").doesNotContain("hx-post");
        assertThat(viewer.session()
                        .postForm("/activities/" + id + "/complete", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(viewer.session()
                        .postForm(
                                "/activities/panel?recordType=contact&recordId=" + contact,
                                form("type", "task", "subject", "Sneaky"))
                        .statusCode())
                .isEqualTo(403);
    }

    /** The group the page should put an open activity due at {@code due} in, for a reader in {@code zone}. */
    private static String group(Instant due, Instant now, ZoneId zone) {
        Instant tomorrow =
                LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        return due.isBefore(now) ? "overdue" : due.isBefore(tomorrow) ? "today" : "upcoming";
    }

    private static String section(String page, String group) {
        int start = page.indexOf("id=\"group-" + group + "\"");
        assertThat(start).as("group " + group).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String contact(Browserless browser, String last, String first) {
        HttpResponse<String> created = browser.postJson(
                "/api/v1/contacts", "{\"firstName\":\"%s\",\"lastName\":\"%s\"}".formatted(first, last));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private static String task(Browserless browser, String contact, String subject, Instant due) {
        HttpResponse<String> created = browser.postJson(
                "/api/v1/activities",
                "{\"type\":\"task\",\"subject\":\"%s\",\"dueAt\":%s,\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}"
                        .formatted(subject, due == null ? "null" : "\"" + due + "\"", contact));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], Objects.requireNonNull(pairs[i + 1]));
        }
        return form;
    }
}
