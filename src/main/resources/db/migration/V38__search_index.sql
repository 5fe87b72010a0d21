-- The search index of contacts, companies, leads and deals (ADR 0016): one entry per record (what a result shows)
-- and its terms (what a prefix finds), kept by statement-level triggers like the record keys (ADR 0013), so a bulk
-- import pays one set-based statement per batch and the index never lags behind the records. Trashed records have
-- no entry.
--
-- Row-level security: the tables are forced to the tenant's rows for the application role as usual, but trigram and
-- full-text operators are not leakproof, so under that policy no index would serve them. The one way in for those
-- is search_records(), a SECURITY DEFINER function owned by the owner role, which the second policy lets through and
-- which filters on app_tenant_id() itself in every query (the isolation tests check it at the SQL level).

-- Text as search compares it: lower-case, accents and apostrophes dropped, punctuation between words made a space.
-- unaccent with its dictionary named is immutable in practice; PostgreSQL only marks it stable.
create function search_fold(value text) returns text
    language sql immutable parallel safe strict
    as $$ select btrim(regexp_replace(regexp_replace(
                   lower(public.unaccent('public.unaccent'::regdictionary, value)),
                   '[''`’‘]', '', 'g'), '[[:space:],;:!?()\[\]{}"/\\|<>*&^%$#=~]+', ' ', 'g')) $$;

-- A phone as a search term: its digits without leading zeros (a trunk or international prefix), reversed, so that
-- "ends with these digits" is a prefix range in an index.
create function search_phone_term(number text) returns text
    language sql immutable parallel safe strict
    as $$ select case when length(d) >= 6 then '#' || reverse(d) end
          from (select ltrim(regexp_replace(number, '[^0-9]', '', 'g'), '0') d) x $$;

create table search_entries (
    tenant_id   uuid    not null references clients (id),
    record_type text    not null check (record_type in ('contact', 'company', 'lead', 'deal')),
    record_id   uuid    not null,
    title       text    not null check (length(title) between 1 and 400),
    -- a contact's or lead's first email, a lead's company, a company's domain
    detail      text    check (length(detail) <= 400),
    -- a contact's or deal's company, a deal's stage and amount: names are looked up when results are shown
    company_id  uuid,
    stage_id    uuid,
    amount      numeric(15, 2),
    currency    text    check (currency ~ '^[A-Z]{3}$'),
    owner_id    uuid,
    created_by  uuid,
    -- search_fold of the names only (a lead's company too): what full text and similar spelling compare with;
    -- emails, domains and phones are found through the keys and terms
    folded      text    not null,
    primary key (tenant_id, record_type, record_id)
);
call enable_tenant_isolation('search_entries');
-- one trigram and one word index per kind of record, so that looking for a company never wades through the posting
-- lists of a million contacts (search_records() names the kind in every query)
create index search_entries_trigram_contact on search_entries using gin (folded gin_trgm_ops) where record_type = 'contact';
create index search_entries_trigram_company on search_entries using gin (folded gin_trgm_ops) where record_type = 'company';
create index search_entries_trigram_lead on search_entries using gin (folded gin_trgm_ops) where record_type = 'lead';
create index search_entries_trigram_deal on search_entries using gin (folded gin_trgm_ops) where record_type = 'deal';
create index search_entries_words_contact on search_entries using gin (to_tsvector('simple', folded))
    where record_type = 'contact';
create index search_entries_words_company on search_entries using gin (to_tsvector('simple', folded))
    where record_type = 'company';
create index search_entries_words_lead on search_entries using gin (to_tsvector('simple', folded))
    where record_type = 'lead';
create index search_entries_words_deal on search_entries using gin (to_tsvector('simple', folded))
    where record_type = 'deal';

-- Every word-start suffix of a title ("jose garcia", "garcia"), each email and domain, and each phone's reversed
-- digits: byte-ordered, so that "starts with" is a range an index serves in order and can stop after a page.
create table search_terms (
    tenant_id   uuid not null references clients (id),
    record_type text not null check (record_type in ('contact', 'company', 'lead', 'deal')),
    term        text collate "C" not null check (length(term) between 1 and 200),
    record_id   uuid not null,
    primary key (tenant_id, record_type, term, record_id)
);
call enable_tenant_isolation('search_terms');
create index search_terms_of_record on search_terms (tenant_id, record_id);

-- Only the triggers (below, as the owner role) write the index; the application reads its own tenant's rows, and
-- may delete them (erasure finds them through the personal data registry).
revoke insert, update, truncate on search_entries, search_terms from ${appRole};

-- The owner role is held to no tenant on these two tables: it is the role of the triggers and of search_records(),
-- which bind the tenant themselves. Any other role gets only the tenant policy.
alter policy tenant_isolation on search_entries to ${appRole};
alter policy tenant_isolation on search_terms to ${appRole};
do $$
begin
    execute format('create policy search_definer on search_entries to %I using (true) with check (true)', current_user);
    execute format('create policy search_definer on search_terms to %I using (true) with check (true)', current_user);
end
$$;

-- The terms of one record: word-start suffixes of each folded phrase (its first 8 words), and the keys as they are.
create function search_terms_of(phrases text[], keys text[]) returns setof text
    language sql immutable parallel safe
    as $$
    select distinct left(t, 200) from (
        select array_to_string(w[i:], ' ') t
        from unnest(phrases) p cross join lateral regexp_split_to_array(p, ' ') w
        cross join lateral generate_subscripts(w, 1) i
        where i <= 8 and w[i] <> ''
        union all
        select k from unnest(keys) k
    ) y where t is not null and t <> ''
    $$;

-- Contacts: the name (or the first email when there is none), every email and phone; the company is shown with it.
create function search_index_contacts() returns trigger
    language plpgsql security definer
    set search_path = public, pg_temp
    as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from search_terms s using old_rows o
        where s.tenant_id = o.tenant_id and s.record_id = o.id and s.record_type = 'contact';
        delete from search_entries s using old_rows o
        where s.tenant_id = o.tenant_id and s.record_type = 'contact' and s.record_id = o.id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        with p as (
            select n.tenant_id, n.id, n.owner_id, n.created_by, x.title, x.detail, x.company_id,
                   array[search_fold(x.title), search_fold(x.company_name)] phrases,
                   array(select lower(btrim(e->>'address')) from jsonb_array_elements(n.emails) e
                         union all
                         select search_phone_term(t->>'number') from jsonb_array_elements(n.phones) t) keys
            from new_rows n
            cross join lateral (
                select left(coalesce(nullif(concat_ws(' ', nullif(btrim(n.first_name), ''),
                                                      nullif(btrim(n.last_name), '')), ''),
                                     n.emails->0->>'address', '?'), 400) title,
                       left(n.emails->0->>'address', 400) detail,
                       null::text company_name,
                       n.company_id
            ) x
            where n.deleted_at is null
        ), e as (
            insert into search_entries (tenant_id, record_type, record_id, title, detail, company_id, owner_id,
                                        created_by, folded)
            select tenant_id, 'contact', id, title, detail, company_id, owner_id, created_by,
                   array_to_string(phrases, ' ')
            from p
        )
        insert into search_terms (tenant_id, record_type, term, record_id)
        select p.tenant_id, 'contact', t, p.id
        from p cross join lateral search_terms_of(p.phrases, p.keys) t
        on conflict do nothing;
    end if;
    return null;
end
$$;

-- Leads: the name (or the first email), every email and phone, and the company name they gave.
create function search_index_leads() returns trigger
    language plpgsql security definer
    set search_path = public, pg_temp
    as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from search_terms s using old_rows o
        where s.tenant_id = o.tenant_id and s.record_id = o.id and s.record_type = 'lead';
        delete from search_entries s using old_rows o
        where s.tenant_id = o.tenant_id and s.record_type = 'lead' and s.record_id = o.id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        with p as (
            select n.tenant_id, n.id, n.owner_id, n.created_by, x.title, x.detail, x.company_id,
                   array[search_fold(x.title), search_fold(x.company_name)] phrases,
                   array(select lower(btrim(e->>'address')) from jsonb_array_elements(n.emails) e
                         union all
                         select search_phone_term(t->>'number') from jsonb_array_elements(n.phones) t) keys
            from new_rows n
            cross join lateral (
                select left(coalesce(nullif(concat_ws(' ', nullif(btrim(n.first_name), ''),
                                                      nullif(btrim(n.last_name), '')), ''),
                                     n.emails->0->>'address', '?'), 400) title,
                       left(coalesce(nullif(btrim(n.company_name), ''), n.emails->0->>'address'), 400) detail,
                       n.company_name,
                       null::uuid company_id
            ) x
            where n.deleted_at is null
        ), e as (
            insert into search_entries (tenant_id, record_type, record_id, title, detail, company_id, owner_id,
                                        created_by, folded)
            select tenant_id, 'lead', id, title, detail, company_id, owner_id, created_by,
                   array_to_string(phrases, ' ')
            from p
        )
        insert into search_terms (tenant_id, record_type, term, record_id)
        select p.tenant_id, 'lead', t, p.id
        from p cross join lateral search_terms_of(p.phrases, p.keys) t
        on conflict do nothing;
    end if;
    return null;
end
$$;

-- Companies: the name, the domain and website's host, the phone.
create function search_index_companies() returns trigger
    language plpgsql security definer
    set search_path = public, pg_temp
    as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from search_terms s using old_rows o
        where s.tenant_id = o.tenant_id and s.record_id = o.id and s.record_type = 'company';
        delete from search_entries s using old_rows o
        where s.tenant_id = o.tenant_id and s.record_type = 'company' and s.record_id = o.id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        with p as (
            select n.tenant_id, n.id, n.owner_id, n.created_by, left(n.name, 400) title,
                   left(coalesce(record_key_domain(n.domain), record_key_domain(n.website)), 400) detail,
                   array[search_fold(n.name)] phrases,
                   array[record_key_domain(n.domain), record_key_domain(n.website), search_phone_term(n.phone)] keys
            from new_rows n
            where n.deleted_at is null
        ), e as (
            insert into search_entries (tenant_id, record_type, record_id, title, detail, owner_id, created_by,
                                        folded)
            select tenant_id, 'company', id, title, detail, owner_id, created_by,
                   array_to_string(phrases, ' ')
            from p
        )
        insert into search_terms (tenant_id, record_type, term, record_id)
        select p.tenant_id, 'company', t, p.id
        from p cross join lateral search_terms_of(p.phrases, p.keys) t
        on conflict do nothing;
    end if;
    return null;
end
$$;

-- Deals: the name; the stage, amount and company are shown with it.
create function search_index_deals() returns trigger
    language plpgsql security definer
    set search_path = public, pg_temp
    as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from search_terms s using old_rows o
        where s.tenant_id = o.tenant_id and s.record_id = o.id and s.record_type = 'deal';
        delete from search_entries s using old_rows o
        where s.tenant_id = o.tenant_id and s.record_type = 'deal' and s.record_id = o.id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        with p as (
            select n.tenant_id, n.id, n.owner_id, n.created_by, left(n.name, 400) title, n.company_id, n.stage_id,
                   n.amount, n.currency
            from new_rows n
            where n.deleted_at is null
        ), e as (
            insert into search_entries (tenant_id, record_type, record_id, title, company_id, stage_id, amount,
                                        currency, owner_id, created_by, folded)
            select tenant_id, 'deal', id, title, company_id, stage_id, amount, currency, owner_id, created_by,
                   search_fold(title)
            from p
        )
        insert into search_terms (tenant_id, record_type, term, record_id)
        select p.tenant_id, 'deal', t, p.id
        from p cross join lateral search_terms_of(array[search_fold(p.title)], '{}') t
        on conflict do nothing;
    end if;
    return null;
end
$$;

create trigger contacts_search_insert after insert on contacts referencing new table as new_rows
    for each statement execute function search_index_contacts();
create trigger contacts_search_update after update on contacts referencing old table as old_rows new table as new_rows
    for each statement execute function search_index_contacts();
create trigger contacts_search_delete after delete on contacts referencing old table as old_rows
    for each statement execute function search_index_contacts();
create trigger leads_search_insert after insert on leads referencing new table as new_rows
    for each statement execute function search_index_leads();
create trigger leads_search_update after update on leads referencing old table as old_rows new table as new_rows
    for each statement execute function search_index_leads();
create trigger leads_search_delete after delete on leads referencing old table as old_rows
    for each statement execute function search_index_leads();
create trigger companies_search_insert after insert on companies referencing new table as new_rows
    for each statement execute function search_index_companies();
create trigger companies_search_update after update on companies referencing old table as old_rows
    new table as new_rows for each statement execute function search_index_companies();
create trigger companies_search_delete after delete on companies referencing old table as old_rows
    for each statement execute function search_index_companies();
create trigger deals_search_insert after insert on deals referencing new table as new_rows
    for each statement execute function search_index_deals();
create trigger deals_search_update after update on deals referencing old table as old_rows new table as new_rows
    for each statement execute function search_index_deals();
create trigger deals_search_delete after delete on deals referencing old table as old_rows
    for each statement execute function search_index_deals();

-- Finds the records of the bound tenant (app_tenant_id(), never a parameter) matching what someone typed, at most
-- per_kind of each kind in kinds, visible to owners (null: everything; else the RecordScope rule: owned by one of
-- them, or unowned and created by one of them). Best first, in tiers: an exact email or domain, a phone ending in the
-- same digits, a word of the name (or an email, domain) starting with the text, all words of the text starting
-- words of the record in any order, then similar spelling. A later tier runs only while a kind has room left.
-- pg_trgm's settings exist once its library is loaded in the session; the function below sets one.
select word_similarity('a', 'a');

create function search_records(q text, kinds text[], owners uuid[], per_kind int)
    returns table (record_type text, record_id uuid, title text, detail text, company_name text, stage_name text,
                   amount numeric, currency text, match text)
    language plpgsql stable security definer
    set search_path = public, pg_temp
    set pg_trgm.word_similarity_threshold = 0.35
    as $$
#variable_conflict use_column
declare
    tenant constant uuid := app_tenant_id();
    text_folded constant text := left(search_fold(left(q, 200)), 190);
    email_key constant text := case when q like '%@%' then record_key_email(q) end;
    domain_key constant text := case when q like '%.%' and q not like '%@%' then record_key_domain(q) end;
    phone constant text := case when q !~ '[[:alpha:]]' then search_phone_term(q) end;
    phone_prefixes text[];
    words_query tsquery;
    this_kind text;
    hits uuid[];
    hit_matches text[];
    more_ids uuid[];
    more_matches text[];
    unlimited constant boolean := owners is null;
    found int := 0;
    variants text[];
begin
    if tenant is null or text_folded is null or text_folded = '' or per_kind is null or per_kind < 1 then
        return;
    end if;
    if phone is not null then
        phone_prefixes := array(select left(phone, i) from generate_series(8, length(phone) - 1) i);
    end if;
    if text_folded like '% %' then
        words_query := to_tsquery('simple', (
            select string_agg(quote_literal(w) || ':*', ' & ')
            from unnest(regexp_split_to_array(text_folded, ' ')) w where w <> ''));
    end if;
    foreach this_kind in array kinds loop
        hits := '{}';
        hit_matches := '{}';
        -- exact email or domain
        if email_key is not null or domain_key is not null then
            select coalesce(array_agg(k.record_id), '{}'), coalesce(array_agg(k.kind), '{}') into hits, hit_matches
            from (
                select distinct on (k.record_id) k.record_id, k.kind
                from record_keys k
                join search_entries e on e.tenant_id = tenant and e.record_type = this_kind and e.record_id = k.record_id
                where k.tenant_id = tenant and k.record_type = this_kind
                  and ((k.kind = 'email' and k.key = email_key) or (k.kind = 'domain' and k.key = domain_key))
                  and (unlimited or e.owner_id = any(owners) or (e.owner_id is null and e.created_by = any(owners)))
                order by k.record_id
                limit per_kind
            ) k;
        end if;
        -- a phone ending in the digits typed, or the digits typed ending in a phone (with or without its prefix)
        if phone is not null and cardinality(hits) < per_kind then
            select hits || coalesce(array_agg(t.record_id), '{}'), hit_matches || coalesce(array_agg('phone'::text), '{}')
            into hits, hit_matches
            from (
                select distinct t.record_id
                from search_terms t
                join search_entries e on e.tenant_id = tenant and e.record_type = this_kind and e.record_id = t.record_id
                where t.tenant_id = tenant and t.record_type = this_kind
                  and (t.term = any(phone_prefixes) or (t.term >= phone and t.term < phone || chr(1114111)))
                  and not t.record_id = any(hits)
                  and (unlimited or e.owner_id = any(owners) or (e.owner_id is null and e.created_by = any(owners)))
                limit per_kind - cardinality(hits)
            ) t;
        end if;
        -- a word of the name, an email or a domain starting with the text, in the index's order
        if cardinality(hits) < per_kind then
            select hits || coalesce(array_agg(t.record_id order by t.first_term), '{}'),
                   hit_matches || coalesce(array_agg(case when t.first_term like '%@%' then 'email'
                                                          when t.first_term like '%.%' and this_kind = 'company'
                                                              and t.first_term not like '% %' then 'domain'
                                                          else 'name' end order by t.first_term), '{}')
            into hits, hit_matches
            from (
                select c.record_id, min(c.term) first_term
                from (
                    select t.record_id, t.term
                    from search_terms t
                    join search_entries e on e.tenant_id = tenant and e.record_type = this_kind
                                         and e.record_id = t.record_id
                    where t.tenant_id = tenant and t.record_type = this_kind
                      and t.term >= text_folded and t.term < text_folded || chr(1114111)
                      and not t.record_id = any(hits)
                      and (unlimited or e.owner_id = any(owners) or (e.owner_id is null and e.created_by = any(owners)))
                    order by t.term, t.record_id
                    limit 4 * (per_kind - cardinality(hits))
                ) c
                group by c.record_id
                order by first_term
                limit per_kind - cardinality(hits)
            ) t;
        end if;
        -- every word typed starts a word of the record, in any order
        if words_query is not null and cardinality(hits) < per_kind then
            select hits || coalesce(array_agg(e.record_id), '{}'), hit_matches || coalesce(array_agg('text'::text), '{}')
            into hits, hit_matches
            from (
                select e.record_id
                from search_entries e
                where e.tenant_id = tenant and e.record_type = this_kind
                  and to_tsvector('simple', e.folded) @@ words_query
                  and not e.record_id = any(hits)
                  and (unlimited or e.owner_id = any(owners) or (e.owner_id is null and e.created_by = any(owners)))
                limit per_kind - cardinality(hits)
            ) e;
        end if;
        return query
        select e.record_type, e.record_id, e.title, e.detail, c.name, s.name, e.amount, e.currency, h.match
        from unnest(hits, hit_matches) with ordinality h (id, match, position)
        join search_entries e on e.tenant_id = tenant and e.record_type = this_kind and e.record_id = h.id
        left join companies c on c.tenant_id = tenant and c.id = e.company_id and c.deleted_at is null
        left join pipeline_stages s on s.tenant_id = tenant and s.id = e.stage_id
        order by h.position;
        found := found + cardinality(hits);
    end loop;
    -- similar spelling, only when nothing was found otherwise (a typo rather than a short word that is in many
    -- names), and not for an email, domain or phone, which are there or not
    if found > 0 or length(text_folded) < 3 or email_key is not null or domain_key is not null or phone is not null then
        return;
    end if;
    -- first the cheap typos: two letters swapped or one letter too many ("garcai", "mulller") make a text that is a
    -- whole name word or words, looked up in the terms' index like a prefix
    variants := array(
        select distinct v from (
            select left(text_folded, i - 1) || substr(text_folded, i + 1, 1) || substr(text_folded, i, 1)
                   || substr(text_folded, i + 2) v
            from generate_series(1, length(text_folded) - 1) i
            union all
            select left(text_folded, i - 1) || substr(text_folded, i + 1) from generate_series(1, length(text_folded)) i
        ) x
        where v <> text_folded and length(v) >= 3 and v not like '% ' and v not like ' %' and v not like '%  %');
    foreach this_kind in array kinds loop
        select coalesce(array_agg(c.record_id), '{}'), coalesce(array_agg('text'::text), '{}') into hits, hit_matches
        from (
            select distinct on (f.record_id) f.record_id
            from unnest(variants) v
            cross join lateral (
                select t.record_id
                from search_terms t
                join search_entries e on e.tenant_id = tenant and e.record_type = this_kind
                                     and e.record_id = t.record_id
                where t.tenant_id = tenant and t.record_type = this_kind
                  -- the word itself or followed by more words: nothing sorts between them and "!"
                  and t.term >= v and t.term < v || '!'
                  and (unlimited or e.owner_id = any(owners) or (e.owner_id is null and e.created_by = any(owners)))
                limit per_kind
            ) f
            limit per_kind
        ) c;
        return query
        select e.record_type, e.record_id, e.title, e.detail, c.name, s.name, e.amount, e.currency, h.match
        from unnest(hits, hit_matches) with ordinality h (id, match, position)
        join search_entries e on e.tenant_id = tenant and e.record_type = this_kind and e.record_id = h.id
        left join companies c on c.tenant_id = tenant and c.id = e.company_id and c.deleted_at is null
        left join pipeline_stages s on s.tenant_id = tenant and s.id = e.stage_id
        order by h.position;
        found := found + cardinality(hits);
    end loop;
    if found > 0 then
        return;
    end if;
    -- then any spelling close enough
    foreach this_kind in array kinds loop
        hits := '{}';
        hit_matches := '{}';
        -- the best of the first 200 close enough: a common name misspelt has thousands of candidates, and reading
        -- them all to rank them would cost more than the answer is worth
        select hits || coalesce(array_agg(e.record_id order by e.score desc, e.record_id), '{}'),
               hit_matches || coalesce(array_agg('text'::text), '{}')
        into hits, hit_matches
        from (
            select c.record_id, word_similarity(text_folded, c.folded) score
            from (
                select e.record_id, e.folded
                from search_entries e
                where e.tenant_id = tenant and e.record_type = this_kind
                  and text_folded <% e.folded
                  and (unlimited or e.owner_id = any(owners) or (e.owner_id is null and e.created_by = any(owners)))
                limit 200
            ) c
            order by score desc, c.record_id
            limit per_kind
        ) e;
        return query
        select e.record_type, e.record_id, e.title, e.detail, c.name, s.name, e.amount, e.currency, h.match
        from unnest(hits, hit_matches) with ordinality h (id, match, position)
        join search_entries e on e.tenant_id = tenant and e.record_type = this_kind and e.record_id = h.id
        left join companies c on c.tenant_id = tenant and c.id = e.company_id and c.deleted_at is null
        left join pipeline_stages s on s.tenant_id = tenant and s.id = e.stage_id
        order by h.position;
    end loop;
end
$$;
revoke all on function search_records(text, text[], uuid[], int) from public;
grant execute on function search_records(text, text[], uuid[], int) to ${appRole};

-- The records already there: an update that changes nothing runs the triggers once per table. The owner role is held
-- to row-level security on the records only while it is forced, so it is lifted for the backfill (as in V35).
alter table contacts no force row level security;
alter table leads no force row level security;
alter table companies no force row level security;
alter table deals no force row level security;
-- the record keys (V35) are already right: their triggers sit this out
alter table contacts disable trigger contacts_keys_update;
alter table leads disable trigger leads_keys_update;
alter table companies disable trigger companies_keys_update;
update contacts set emails = emails;
update leads set emails = emails;
update companies set name = name;
update deals set name = name;
alter table contacts enable trigger contacts_keys_update;
alter table leads enable trigger leads_keys_update;
alter table companies enable trigger companies_keys_update;
alter table contacts force row level security;
alter table leads force row level security;
alter table companies force row level security;
alter table deals force row level security;
