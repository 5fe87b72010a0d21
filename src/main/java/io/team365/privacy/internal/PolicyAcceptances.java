package io.team365.privacy.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.identity.UserDirectory;
import io.team365.privacy.NoticeVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in person still has to accept: the newest material version of Team365's policy, and of the notice of
 * the Client they work in, once its effective date has come. Only people who already had their account (or
 * membership) when the version was published are asked; later arrivals agreed to it when they joined.
 */
@Service
public class PolicyAcceptances {

    /** Which document: Team365's own policy, or the Client's notice. */
    public enum Document {
        TEAM365_POLICY("team365-policy"),
        CLIENT_NOTICE("client-notice");

        public final String key;

        Document(String key) {
            this.key = key;
        }
    }

    /** A document to accept: the version that made it necessary, and the one in effect now (which is recorded). */
    public record Pending(Document document, NoticeVersion required, NoticeVersion current) {}

    /** How long "nothing to accept" is trusted without asking again; bounds the delay of an effective date. */
    static final Duration CLEAR_FOR = Duration.ofSeconds(60);

    private static final int MAX_CACHED = 100_000;

    private record Person(TenantId tenant, UUID userId) {}

    private record Clear(long generation, Instant until) {}

    private final Map<Person, Clear> nothingPending = new ConcurrentHashMap<>();
    private final NoticeVersions versions;
    private final UserDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    PolicyAcceptances(NoticeVersions versions, UserDirectory directory, AuditTrail audit, Clock clock) {
        this.versions = versions;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whether the person has nothing to accept, answered from memory for up to {@link #CLEAR_FOR} after it was last
     * looked up, unless a version was published or accepted since (this is asked on every signed-in request).
     */
    public boolean nothingPending(SignedInUser user) {
        Instant now = clock.instant();
        long generation = versions.generation();
        Clear clear = nothingPending.get(new Person(user.tenant(), user.userId()));
        if (clear != null && clear.generation() == generation && now.isBefore(clear.until())) {
            return true;
        }
        return pending(user).isEmpty();
    }

    /** Forgets every cached "nothing pending": after versions were changed other than through this module. */
    public void forgetCachedAnswers() {
        nothingPending.clear();
    }

    /** Needs the person and their Client bound (as on every signed-in request). */
    @Transactional(readOnly = true)
    public List<Pending> pending(SignedInUser user) {
        long generation = versions.generation();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Pending> pending = new ArrayList<>();
        Optional<NoticeVersion> policy = versions.requiredPolicy(today);
        if (policy.isPresent()
                && !versions.acceptedPolicy(user.userId(), policy.get())
                && existedBefore(directory.signedUpAt(user.userId()), policy.get())) {
            pending.add(new Pending(
                    Document.TEAM365_POLICY,
                    policy.get(),
                    versions.policyInEffect(today).orElse(policy.get())));
        }
        Optional<NoticeVersion> notice = versions.requiredNotice(user.tenant(), today);
        if (notice.isPresent()
                && !versions.acceptedNotice(user.tenant(), user.userId(), notice.get())
                && existedBefore(memberSince(user), notice.get())) {
            pending.add(new Pending(
                    Document.CLIENT_NOTICE,
                    notice.get(),
                    versions.noticeInEffect(user.tenant(), today).orElse(notice.get())));
        }
        Person person = new Person(user.tenant(), user.userId());
        if (pending.isEmpty()) {
            if (nothingPending.size() >= MAX_CACHED) {
                nothingPending.clear();
            }
            nothingPending.put(person, new Clear(generation, clock.instant().plus(CLEAR_FOR)));
        } else {
            nothingPending.remove(person);
        }
        return pending;
    }

    /** Records acceptance of every pending document (the version in effect now), with the time and hashed address. */
    @Transactional
    public List<Pending> acceptAll(SignedInUser user, String ip, AuditTrail.Actor actor) {
        List<Pending> pending = pending(user);
        Instant now = clock.instant();
        String ipHash = hash(ip);
        for (Pending item : pending) {
            String version = item.current().version();
            if (item.document() == Document.TEAM365_POLICY) {
                versions.acceptPolicy(user.userId(), version, now, ipHash);
            } else {
                versions.acceptNotice(user.tenant(), user.userId(), version, now, ipHash);
            }
            audit.record(
                    user.tenant(),
                    actor,
                    "policy.accepted",
                    item.document().key,
                    version,
                    Map.of("document", item.document().key, "version", version));
        }
        return pending;
    }

    private Optional<java.time.Instant> memberSince(SignedInUser user) {
        TenantId tenant = user.tenant();
        return directory.membersOf(tenant).stream()
                .filter(member -> member.userId().equals(user.userId()))
                .map(io.team365.identity.Member::joinedAt)
                .findFirst();
    }

    private static boolean existedBefore(Optional<Instant> since, NoticeVersion version) {
        return since.map(at -> at.isBefore(version.publishedAt())).orElse(false);
    }

    /** A SHA-256 of the address: evidence that can be checked against a known address, not read back. */
    static String hash(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("policy-acceptance:" + ip).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
