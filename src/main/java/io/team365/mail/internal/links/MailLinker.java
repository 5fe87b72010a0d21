package io.team365.mail.internal.links;

import io.team365.contacts.ContactCompanies;
import io.team365.core.FreeMail;
import io.team365.core.TenantId;
import io.team365.deals.OpenDeals;
import io.team365.mail.internal.sync.MessagesStored;
import io.team365.search.RecordKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links messages to the records of their participants: contacts and leads by email, companies by the domain of an
 * address (never a free-mail domain) and as the company of a linked contact, and the open deals of the linked
 * contacts and companies. Set-based: a batch costs a fixed number of queries however many messages it holds.
 * Messages from a blocked sender and the account's own address link nothing.
 *
 * <p>Runs in the transaction that stored the messages, so a message is never visible without its links.
 */
@Service
public class MailLinker {

    private final JdbcClient jdbc;
    private final RecordKeys keys;
    private final ContactCompanies contactCompanies;
    private final OpenDeals openDeals;

    MailLinker(JdbcClient jdbc, RecordKeys keys, ContactCompanies contactCompanies, OpenDeals openDeals) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.contactCompanies = contactCompanies;
        this.openDeals = openDeals;
    }

    @EventListener
    void on(MessagesStored stored) {
        link(stored.tenant(), stored.messageIds());
    }

    /** Links the messages (in the Client bound to the transaction); returns how many links were added. */
    @Transactional
    public int link(TenantId tenant, Collection<UUID> messageIds) {
        return due(tenant, messageIds).write(tenant);
    }

    /**
     * After a contact or lead lost an email (or a company a domain): the messages naming those addresses (or an
     * address at those domains) keep exactly the links their participants still give them, and lose the others,
     * among them the company and deal links that came only through the record. Returns how many links went.
     */
    @Transactional
    public int unlinkGone(TenantId tenant, Collection<String> addresses, Collection<String> domains) {
        if (addresses.isEmpty() && domains.isEmpty()) {
            return 0;
        }
        List<UUID> messages = jdbc.sql("""
                        select message_id from mail_participants where address = any(:addresses)
                        union select message_id from mail_participants where domain = any(:domains)
                        """)
                .param("addresses", addresses.toArray(String[]::new))
                .param("domains", domains.toArray(String[]::new))
                .query(UUID.class)
                .list();
        int removed = 0;
        for (int from = 0; from < messages.size(); from += 500) {
            List<UUID> chunk = messages.subList(from, Math.min(messages.size(), from + 500));
            removed += due(tenant, chunk).removeOthers(chunk);
        }
        return removed;
    }

    /** The links the messages' participants give them now. */
    private Links due(TenantId tenant, Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return new Links();
        }
        record Participant(UUID message, String address, String domain) {}
        // the messages and their participants are each read once, by id, before any join: while a first sync
        // fills the tables faster than statistics follow, the planner otherwise may join them by nested scans of
        // the whole tables (one batch's linking took minutes in the benchmark, ADR 0034)
        List<Participant> participants = jdbc.sql("""
                        with p as materialized (
                                 select message_id, address, domain from mail_participants
                                 where message_id = any(:ids)),
                             m as materialized (
                                 select tenant_id, id, account_id, from_address from mail_messages
                                 where id = any(:ids))
                        select p.message_id, p.address, p.domain
                        from p
                        join m on m.id = p.message_id
                        join mail_accounts a on a.tenant_id = m.tenant_id and a.id = m.account_id
                        where p.address <> a.email
                          and not exists (select 1 from mail_blocklist b
                              where b.tenant_id = m.tenant_id and b.account_id = m.account_id
                                and b.pattern in (lower(m.from_address), substring(lower(m.from_address) from '@([^@]+)$')))
                        """)
                .param("ids", messageIds.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> new Participant(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
        if (participants.isEmpty()) {
            return new Links();
        }
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>();
        for (Participant p : participants) {
            addresses.add(p.address());
            if (!FreeMail.isFreeMail(p.domain())) {
                domains.add(p.domain());
            }
        }
        Map<String, List<UUID>> contacts = keys.recordsWith(tenant, "contact", RecordKeys.Kind.EMAIL, addresses);
        Map<String, List<UUID>> leads = keys.recordsWith(tenant, "lead", RecordKeys.Kind.EMAIL, addresses);
        Map<String, List<UUID>> companies = keys.recordsWith(tenant, "company", RecordKeys.Kind.DOMAIN, domains);
        Set<UUID> contactIds = new LinkedHashSet<>();
        contacts.values().forEach(contactIds::addAll);
        Map<UUID, UUID> companyOf = contactCompanies.of(contactIds);
        Set<UUID> companyIds = new LinkedHashSet<>(companyOf.values());
        companies.values().forEach(companyIds::addAll);
        Map<UUID, List<UUID>> deals = openDeals.of(contactIds, companyIds);

        Links links = new Links();
        for (Participant p : participants) {
            for (UUID contact : contacts.getOrDefault(p.address(), List.of())) {
                links.add(p.message(), "contact", contact);
                UUID company = companyOf.get(contact);
                if (company != null) {
                    links.add(p.message(), "company", company);
                    deals.getOrDefault(company, List.of()).forEach(d -> links.add(p.message(), "deal", d));
                }
                deals.getOrDefault(contact, List.of()).forEach(d -> links.add(p.message(), "deal", d));
            }
            leads.getOrDefault(p.address(), List.of()).forEach(l -> links.add(p.message(), "lead", l));
            for (UUID company : companies.getOrDefault(p.domain(), List.of())) {
                links.add(p.message(), "company", company);
                deals.getOrDefault(company, List.of()).forEach(d -> links.add(p.message(), "deal", d));
            }
        }
        return links;
    }

    /**
     * Links again every message naming one of {@code addresses} or, when {@code domains} is not empty, an address at
     * one of those domains, and the messages already linked to {@code record} (its company or deals may have
     * changed): for a contact or lead that got a new email, a company with a new domain, a contact that moved.
     */
    @Transactional
    public int relink(TenantId tenant, Collection<String> addresses, Collection<String> domains, UUID record) {
        List<UUID> messages = jdbc.sql("""
                        select message_id from mail_participants where address = any(:addresses)
                        union select message_id from mail_participants where domain = any(:domains)
                        union select message_id from mail_links where record_id = :record
                        """)
                .param("addresses", addresses.toArray(String[]::new))
                .param("domains", domains.toArray(String[]::new))
                .param("record", record)
                .query(UUID.class)
                .list();
        int added = 0;
        for (int from = 0; from < messages.size(); from += 500) {
            added += link(tenant, messages.subList(from, Math.min(messages.size(), from + 500)));
        }
        return added;
    }

    /** The links of a batch, written in one statement; links already there stay as they are. */
    private final class Links {
        private final Set<List<Object>> seen = new LinkedHashSet<>();
        private final List<UUID> messages = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<UUID> records = new ArrayList<>();

        void add(UUID message, String type, UUID record) {
            if (seen.add(List.of(message, type, record))) {
                messages.add(message);
                types.add(type);
                records.add(record);
            }
        }

        /** Deletes the links of the messages that are not among these; returns how many went. */
        int removeOthers(Collection<UUID> of) {
            return jdbc.sql("""
                            delete from mail_links l where l.message_id = any(:of)
                              and not exists (
                                select 1 from unnest(cast(:messages as uuid[]), cast(:types as text[]),
                                                     cast(:records as uuid[])) as x (m, t, r)
                                where x.m = l.message_id and x.t = l.record_type and x.r = l.record_id)
                            """)
                    .param("of", of.toArray(UUID[]::new))
                    .param("messages", messages.toArray(UUID[]::new))
                    .param("types", types.toArray(String[]::new))
                    .param("records", records.toArray(UUID[]::new))
                    .update();
        }

        int write(TenantId tenant) {
            if (messages.isEmpty()) {
                return 0;
            }
            Map<String, Object> params = new HashMap<>();
            params.put("tenant", tenant.value());
            params.put("messages", messages.toArray(UUID[]::new));
            params.put("types", types.toArray(String[]::new));
            params.put("records", records.toArray(UUID[]::new));
            return jdbc.sql("""
                            insert into mail_links (tenant_id, message_id, record_type, record_id)
                            select :tenant, m, t, r
                            from unnest(cast(:messages as uuid[]), cast(:types as text[]), cast(:records as uuid[])) as x (m, t, r)
                            on conflict do nothing
                            """).params(params).update();
        }
    }
}
