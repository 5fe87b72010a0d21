package io.team365.mail;

import static io.team365.mail.MailLinkTests.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.files.FileStorage;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.limiteduse.MailBlobSweep;
import io.team365.mail.internal.sync.MessagesStored;
import io.team365.privacy.internal.ErasureOutcome;
import io.team365.privacy.internal.SubjectData;
import io.team365.privacy.internal.SubjectRecords;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A data subject's erasure removes every message from or to them (cc and bcc too), their records' links and the
 * drafts addressed to them, and the blobs of those messages' attachments once nothing else refers to them; other
 * people's messages stay. Their access package holds their messages.
 */
class MailErasureTests extends IntegrationTest {

    @Autowired
    TenantTransactions tenants;

    @Autowired
    MailAccountStore accounts;

    @Autowired
    SubjectData subjects;

    @Autowired
    FileStorage storage;

    @Autowired
    MailBlobSweep sweep;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void erasingAContactRemovesTheirMessagesLinksDraftsAndUnsharedBlobsAndLeavesOthersMail() throws Exception {
        SignedUp owner = signUpAndVerify("Erasing Mail Co");
        TenantId tenant = new TenantId(owner.tenantId());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        String ana = id(
                apiClient(owner.session())
                        .postJson(
                                "/api/v1/contacts",
                                "{\"firstName\":\"Anouk\",\"lastName\":\"Vellacott\",\"emails\":[{\"address\":\"anouk@erase.test\"}]}"));
        String bob = id(apiClient(owner.session())
                .postJson("/api/v1/contacts", "{\"firstName\":\"Bob\",\"emails\":[{\"address\":\"bob@keep.test\"}]}"));
        UUID account = rows.account(tenant, owner.userId(), "me@erasing.test", MailAccount.Sharing.PRIVATE);
        var from = rows.message(tenant, account, "anouk@erase.test", List.of("me@erasing.test"), List.of(), "F", "f");
        var to = rows.message(tenant, account, "me@erasing.test", List.of("ANOUK@erase.test"), List.of(), "T", "t");
        var cc = rows.message(
                tenant, account, "bob@keep.test", List.of("me@erasing.test"), List.of("anouk@erase.test"), "C", "c");
        var others = rows.message(tenant, account, "bob@keep.test", List.of("me@erasing.test"), List.of(), "O", "o");
        tenants.run(tenant, null, () -> {
            jdbc.sql("update mail_messages set bcc_addresses = '[{\"address\":\"anouk@erase.test\"}]' where id = :id")
                    .param("id", others.id())
                    .update();
            events.publishEvent(new MessagesStored(tenant, account, List.of(from.id(), to.id(), cc.id(), others.id())));
        });
        var untouched = rows.message(tenant, account, "bob@keep.test", List.of("me@erasing.test"), List.of(), "K", "k");
        tenants.run(
                tenant, null, () -> events.publishEvent(new MessagesStored(tenant, account, List.of(untouched.id()))));

        // blobs: one only on the subject's message, one shared with a message that stays
        String own = blob(tenant, "anouk's attachment " + UUID.randomUUID());
        String shared = blob(tenant, "shared attachment " + UUID.randomUUID());
        attach(tenant, from.id(), 0, own);
        attach(tenant, from.id(), 1, shared);
        attach(tenant, untouched.id(), 0, shared);
        UUID draftToAna = draft(tenant, account, owner.userId(), "anouk@erase.test");
        UUID draftToBob = draft(tenant, account, owner.userId(), "bob@keep.test");
        assertThat(rows.links(tenant, from.id())).containsExactly("contact:" + ana);
        assertThat(rows.links(tenant, untouched.id())).containsExactly("contact:" + bob);

        // the access package holds the subject's messages and nobody else's
        Map<String, String> files = tenants.call(tenant, owner.userId(), () -> {
            SubjectRecords subject = subjects.find(tenant, "anouk@erase.test");
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try {
                subjects.writePackage(tenant, subject, UUID.randomUUID(), zip);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return unzip(zip.toByteArray());
        });
        assertThat(files).containsKey("mail_messages.json");
        assertThat(files.get("mail_messages.json"))
                .contains(
                        from.id().toString(),
                        to.id().toString(),
                        cc.id().toString(),
                        others.id().toString())
                .doesNotContain(untouched.id().toString());

        ErasureOutcome outcome = tenants.call(tenant, owner.userId(), () -> {
            SubjectRecords subject = subjects.find(tenant, "anouk@erase.test");
            return subjects.erase(tenant, subject, UUID.randomUUID());
        });
        assertThat(outcome.deleted()).containsEntry("mail_messages", 4).containsEntry("mail_drafts", 1);

        List<UUID> left = tenants.call(
                tenant,
                null,
                () -> jdbc.sql("select id from mail_messages").query(UUID.class).list());
        assertThat(left).as("only the message that never named them").containsExactly(untouched.id());
        assertThat(tenants.call(
                        tenant, null, () -> jdbc.sql("""
                                select count(*) from mail_messages
                                where lower(from_address) = 'anouk@erase.test'
                                   or (to_addresses || cc_addresses || bcc_addresses)::text ilike '%anouk@erase.test%'""").query(Long.class).single()))
                .isZero();
        assertThat(tenants.call(
                        tenant,
                        null,
                        () -> jdbc.sql("select count(*) from mail_participants where address = 'anouk@erase.test'")
                                .query(Long.class)
                                .single()))
                .isZero();
        assertThat(tenants.call(
                        tenant,
                        null,
                        () -> jdbc.sql("select id from mail_drafts")
                                .query(UUID.class)
                                .list()))
                .containsExactly(draftToBob)
                .doesNotContain(draftToAna);
        assertThat(rows.links(tenant, untouched.id())).containsExactly("contact:" + bob);

        // the sweep deletes the blob nothing refers to any more, and keeps the shared one
        assertThat(storage.exists(own)).isTrue();
        sweep.sweep(Instant.now().plusSeconds(60));
        assertThat(storage.exists(own)).isFalse();
        assertThat(storage.exists(shared)).isTrue();
        assertThat(tenants.call(
                        tenant,
                        null,
                        () -> jdbc.sql("select count(*) from mail_orphan_blobs")
                                .query(Long.class)
                                .single()))
                .isZero();
    }

    private String blob(TenantId tenant, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        // the files module's storage takes "<tenant>/<uuid>" keys today; the sweep does not care about the shape
        String key = tenant.value() + "/" + UUID.nameUUIDFromBytes(sha256(bytes).getBytes(StandardCharsets.UTF_8));
        storage.put(key, new ByteArrayInputStream(bytes));
        return key;
    }

    private void attach(TenantId tenant, UUID message, int position, String key) {
        tenants.run(
                tenant,
                null,
                () -> jdbc.sql("""
                        insert into mail_attachments (tenant_id, message_id, position, file_name, content_type, size,
                            sha256, storage_key)
                        values (:tenant, :message, :position, 'a.txt', 'text/plain', 10, :sha, :key)""")
                        .param("tenant", tenant.value())
                        .param("message", message)
                        .param("position", position)
                        .param("sha", sha256(key.getBytes(StandardCharsets.UTF_8)))
                        .param("key", key)
                        .update());
    }

    private UUID draft(TenantId tenant, UUID account, UUID author, String to) {
        UUID id = UUID.randomUUID();
        tenants.run(
                tenant,
                author,
                () -> jdbc.sql("""
                        insert into mail_drafts (tenant_id, id, account_id, author_id, to_addresses, subject, created_at,
                            updated_at)
                        values (:tenant, :id, :account, :author, cast(:to as jsonb), 'Draft', now(), now())""")
                        .param("tenant", tenant.value())
                        .param("id", id)
                        .param("account", account)
                        .param("author", author)
                        .param("to", "[{\"name\":\"X\",\"address\":\"" + to + "\"}]")
                        .update());
        return id;
    }

    private static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
