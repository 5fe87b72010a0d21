package io.team365.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class HomeDashboardTests extends IntegrationTest {

    @Test
    void theHomePageCountsContactsAndChartsNewOnesPerWeek() {
        SignedUp owner = signUpAndVerify("Dashboard Co");
        String empty = owner.session().page("/app").body();
        assertThat(empty)
                .contains("No contacts yet. Add your first one")
                .contains("No open deals yet")
                .contains("No deals won or lost this month yet")
                .contains("Nothing is due today")
                .doesNotContain("<canvas");

        owner.session().postJson("/api/v1/contacts", "{\"firstName\":\"One\"}");
        owner.session().postJson("/api/v1/contacts", "{\"firstName\":\"Two\"}");
        String home = owner.session().page("/app").body();
        assertThat(home).contains("<canvas id=\"new-contacts-chart\"").contains("chart.umd.min.js");
        assertThat(home.replaceAll("\\s+", " ")).contains("<span class=\"stat-value\">2</span>");
        String weeks = home.substring(home.indexOf("data-for=\"new-contacts-chart\""));
        assertThat(weeks.substring(0, weeks.indexOf("</table>")).split("<tr><td>", -1))
                .as("twelve weeks in the chart's table")
                .hasSize(13);
        assertThat(home).containsPattern("<tr><td>[A-Z][a-z]{2} \\d{1,2}</td><td>2</td></tr>\\s*</tbody>");
        assertThat(owner.session()
                        .get("/webjars/chart.js/dist/chart.umd.min.js")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theHomePageShowsThePipelineByStageDealsWonAndLostAndWhatIsDueToday() {
        SignedUp owner = signUpAndVerify("Pipeline Dashboard Co");
        Browserless api = owner.session();
        String pipelines = api.get("/api/v1/pipelines").body();
        String qualified = stageId(pipelines, "Qualified");
        String proposal = stageId(pipelines, "Proposal");
        String won = stageId(pipelines, "Won");
        String lost = stageId(pipelines, "Lost");
        deal(api, "Big", "1000.00", "EUR", qualified);
        deal(api, "Bigger", "2500.50", "EUR", proposal);
        deal(api, "Dollar", "300.00", "USD", proposal);
        String closing = deal(api, "Closing", "400.00", "EUR", proposal);
        String losing = deal(api, "Losing", "50.00", "EUR", proposal);
        api.send("PATCH", "/api/v1/deals/" + closing, "application/merge-patch+json", "{\"stageId\":\"" + won + "\"}");
        api.send(
                "PATCH",
                "/api/v1/deals/" + losing,
                "application/merge-patch+json",
                "{\"stageId\":\"" + lost + "\",\"lostReason\":\"Price\"}");
        String contact = Browserless.jsonField(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Dee\"}").body(), "id");
        String soon = Instant.now()
                .plus(1, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(api.postJson(
                                "/api/v1/activities",
                                "{\"type\":\"call\",\"subject\":\"Call Dee back\",\"dueAt\":\"" + soon
                                        + "\",\"links\":[{\"type\":\"contact\",\"id\":\"" + contact + "\"}]}")
                        .statusCode())
                .isEqualTo(201);

        String home = api.page("/app").body().replaceAll("\\s+", " ");
        assertThat(home).contains("<canvas id=\"pipeline-chart\"").contains("<canvas id=\"won-lost-chart\"");
        assertThat(home)
                .as("open value in the main currency, EUR: 1000 + 2500.50")
                .contains("data-stat=\"open-value\">€3,500.50</span>")
                .contains("3 open deals");
        assertThat(home)
                .as("every currency in the table")
                .contains("<td>Proposal</td> <td data-value=\"2500.50\">€2,500.50</td> <td>2</td>")
                .contains("$300.00");
        assertThat(home).contains("data-stat=\"won\">1</span>").contains("<td>Lost</td><td>1</td><td>€50.00</td>");
        assertThat(home).contains("data-stat=\"due-today\">1</span>").contains("Call Dee back");
    }

    private static String deal(Browserless api, String name, String amount, String currency, String stage) {
        var created = api.postJson(
                "/api/v1/deals",
                "{\"name\":\"" + name + "\",\"stageId\":\"" + stage + "\",\"value\":{\"amount\":\"" + amount
                        + "\",\"currency\":\"" + currency + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private static String stageId(String pipelines, String name) {
        var matcher = java.util.regex.Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"name\":\"" + name + "\"")
                .matcher(pipelines);
        assertThat(matcher.find()).as(name + " in " + pipelines).isTrue();
        return matcher.group(1);
    }
}
