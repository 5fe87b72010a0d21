package io.team365.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Limited Use, enforced by the code's structure (privacy policy, "Special Limits on Our Use of Your Google User
 * Data"; ADR 0025): mail content is reachable only by the mail module. No other module uses mail's internals; the
 * modules that move data out or aggregate it (exports, imports, search, duplicates, the API conventions, saved list
 * views, and any future module named for campaigns, analytics, reports, marketing, ads, partners, a marketplace,
 * webhooks or integrations) may not depend on the mail module at all, not even through another module; and no SQL
 * outside the mail module names a mail table. Each rule is shown to fail on a fixture that breaks it.
 */
class MailLimitedUseArchitectureTests {

    /** Module names that must never reach mail: today's modules and future ones by name. */
    static final Pattern NEVER_MAIL = Pattern.compile("exports?|imports?|search|duplicates?|api|views|campaigns?"
            + "|analytics?|reports?|reporting|marketing|ads|advertising|partners?|marketplace|webhooks?"
            + "|integrations?|enrichment|insights?|segments?|newsletters?|sequences?|automations?");

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.team365");

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("fixtures.limiteduse");

    @Test
    void noModuleButMailUsesMailsInternals() {
        assertThat(APPLICATION.stream().anyMatch(c -> c.getPackageName().startsWith("io.team365.mail.internal")))
                .isTrue();
        internalsStayInside("io.team365").check(APPLICATION);
        assertThat(internalsStayInside("fixtures.limiteduse").evaluate(FIXTURES).hasViolation())
                .as("the rule catches a module using mail's internals")
                .isTrue();
    }

    @Test
    void modulesThatMoveOrAggregateDataCannotReachTheMailModuleEvenThroughOthers() {
        Set<String> modules = APPLICATION.stream()
                .map(c -> module("io.team365", c))
                .filter(m -> !m.isEmpty())
                .collect(Collectors.toSet());
        assertThat(modules)
                .as("the rule names real modules, so it cannot pass by naming none")
                .contains("exports", "imports", "search", "duplicates", "api", "views", "mail");
        neverMail("io.team365").check(APPLICATION);

        EvaluationResult fixture = neverMail("fixtures.limiteduse").evaluate(FIXTURES);
        assertThat(fixture.hasViolation())
                .as("a future campaigns module reaching mail through another module is caught")
                .isTrue();
        assertThat(fixture.getFailureReport().toString()).contains("Audience");
    }

    @Test
    void noSqlOrTemplateOutsideTheMailModuleNamesAMailTable() throws IOException {
        Pattern mailTable = Pattern.compile("\\bmail_(accounts|blocklist|folders|threads|messages|locations"
                + "|attachments|links|drafts|outgoing|operator_approvals|participants|orphan_blobs)\\b");
        List<String> offenders;
        try (Stream<Path> files =
                Stream.concat(Files.walk(Path.of("src/main/java/io/team365")), Files.walk(Path.of("src/main/jte")))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(Path.of("src/main/java/io/team365/mail"))
                            && !p.startsWith(Path.of("src/main/jte/mail")))
                    .filter(p -> {
                        try {
                            return mailTable.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).as("mail tables are read by the mail module only").isEmpty();
        assertThat(mailTable.matcher("select subject from mail_messages").find())
                .as("the pattern finds a mail table")
                .isTrue();
    }

    private static ArchRule internalsStayInside(String root) {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + ".mail..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".mail.internal..")
                .because("mail content is Limited-Use data that only the mail module reads");
    }

    private static ArchRule neverMail(String root) {
        DescribedPredicate<JavaClass> movesData = DescribedPredicate.describe(
                "are in a module that exports, imports, searches, aggregates or shares data",
                c -> NEVER_MAIL.matcher(module(root, c)).matches());
        return noClasses()
                .that(movesData)
                .should()
                .transitivelyDependOnClassesThat()
                .resideInAPackage(root + ".mail..")
                .because("Limited Use: mail is used only for the email client and the records it links to");
    }

    /** The module of a class: the package segment right under the root ("" for the root package itself). */
    static String module(String root, JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(root + ".")) {
            return "";
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
