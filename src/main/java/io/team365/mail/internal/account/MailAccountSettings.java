package io.team365.mail.internal.account;

import io.team365.audit.AuditTrail;
import io.team365.core.PreconditionFailed;
import io.team365.core.Validation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's settings: its name on outgoing mail, who sees its mail, how far back the sync reaches, the signature
 * (basic HTML, sanitised), which folders are synced and whose mail is never synced. A change makes the account due
 * for a sync, so it takes effect at once.
 */
@Service
public class MailAccountSettings {

    /** The settings as the API and the form show and change them. */
    public record Settings(
            String displayName,
            String sharing,
            Integer syncDays,
            String signatureHtml,
            List<String> syncFolders,
            List<String> blocklist,
            Boolean teamMaySend) {}

    private final MailAccountManagement accounts;
    private final MailAccountStore store;
    private final MailFolderDiscovery folders;
    private final MailBlocklist blocklist;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MailAccountSettings(
            MailAccountManagement accounts,
            MailAccountStore store,
            MailFolderDiscovery folders,
            MailBlocklist blocklist,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.folders = folders;
        this.blocklist = blocklist;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Settings of(UUID id) {
        return settings(accounts.view(id));
    }

    private Settings settings(MailAccount account) {
        return new Settings(
                account.displayName(),
                account.sharing().name().toLowerCase(java.util.Locale.ROOT),
                account.syncDays(),
                account.signatureHtml(),
                folders.stored(account.id()).stream()
                        .filter(MailFolderDiscovery.StoredFolder::sync)
                        .map(MailFolderDiscovery.StoredFolder::name)
                        .toList(),
                blocklist.of(account.id()),
                account.teamMaySend());
    }

    /**
     * Applies a change to the current settings if the account is still at {@code version} (null: any).
     *
     * @throws io.team365.core.InvalidInput naming every bad field; nothing changes then
     * @throws PreconditionFailed when the account changed since {@code version}
     */
    @Transactional
    public MailAccount update(UUID id, Integer version, UnaryOperator<Settings> change, AuditTrail.Actor actor) {
        MailAccount account = accounts.view(id);
        if (version != null && version != account.version()) {
            throw new PreconditionFailed(account.version());
        }
        Settings current = settings(account);
        Settings next = change.apply(current);
        Validation validation = Validation.start();
        String displayName = ConnectRequest.optionalText(validation, "displayName", next.displayName(), 200);
        MailAccount.Sharing sharing = ConnectRequest.sharing(validation, "sharing", next.sharing());
        int syncDays = ConnectRequest.syncDays(validation, "syncDays", next.syncDays());
        String signature = sanitise(next.signatureHtml());
        if (signature != null && signature.length() > 20000) {
            validation.reject("signatureHtml", "validation.too-long", 20000);
        }
        Set<String> known = folders.stored(id).stream()
                .map(MailFolderDiscovery.StoredFolder::name)
                .collect(Collectors.toSet());
        List<String> synced = next.syncFolders() == null ? List.of() : next.syncFolders();
        for (int i = 0; i < synced.size(); i++) {
            if (!known.contains(synced.get(i))) {
                validation.reject("syncFolders[" + i + "]", "mail.accounts.error.folder-unknown");
            }
        }
        List<String> blocked = MailBlocklist.normalise(validation, "blocklist", next.blocklist());
        validation.throwIfInvalid();

        MailAccount changed = new MailAccount(
                account.tenant(),
                account.id(),
                account.ownerId(),
                account.provider(),
                account.email(),
                displayName,
                account.username(),
                account.imap(),
                account.smtp(),
                sharing,
                syncDays,
                signature,
                account.status(),
                account.lastError(),
                account.lastSyncedAt(),
                account.createdAt(),
                account.version(),
                Boolean.TRUE.equals(next.teamMaySend()));
        if (!store.updateSettings(changed, version)) {
            throw new PreconditionFailed(
                    store.find(id).map(MailAccount::version).orElse(account.version()));
        }
        folders.chooseSynced(id, synced);
        blocklist.replace(account.tenant(), id, blocked, clock.instant());
        audit.record(
                account.tenant(),
                actor,
                "mail.account.updated",
                "mail_account",
                id.toString(),
                Map.of("changed", changedFields(current, settings(store.find(id).orElseThrow()))));
        if (!"disconnected".equals(account.status())) {
            store.requestSync(id);
            events.publishEvent(new SyncRequested(account.tenant(), id));
        }
        return store.find(id).orElseThrow();
    }

    /** Basic formatting and links only (jsoup's basic safelist); blank becomes none. */
    static String sanitise(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String clean = Jsoup.clean(html, Safelist.basic()).strip();
        return clean.isEmpty() ? null : clean;
    }

    /** Which settings changed, by name only (never their values: they may be addresses). */
    private static List<String> changedFields(Settings before, Settings after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.displayName(), after.displayName())) changed.add("displayName");
        if (!Objects.equals(before.sharing(), after.sharing())) changed.add("sharing");
        if (!Objects.equals(before.syncDays(), after.syncDays())) changed.add("syncDays");
        if (!Objects.equals(before.signatureHtml(), after.signatureHtml())) changed.add("signatureHtml");
        if (!Objects.equals(Set.copyOf(before.syncFolders()), Set.copyOf(after.syncFolders())))
            changed.add("syncFolders");
        if (!Objects.equals(before.blocklist(), after.blocklist())) changed.add("blocklist");
        if (!Objects.equals(before.teamMaySend(), after.teamMaySend())) changed.add("teamMaySend");
        return changed;
    }
}
