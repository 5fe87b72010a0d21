-- Search finds people and deals by their company's name (issue 5: "by name, email, phone, domain, company"): after
-- a kind's own tiers, contacts and deals of the companies whose name, a word of it, or domain starts with the text,
-- with the match "company". Found through the company's own search terms and the records' company index at query
-- time, so an import writes no more terms per contact, and renaming a company needs no re-indexing of its people.
-- Otherwise search_records() is that of V43.

-- pg_trgm's settings exist once its library is loaded in the session; the function below sets one.
select word_similarity('a', 'a');

create or replace function search_records(q text, kinds text[], owners uuid[], per_kind int)
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
    typed_words text[];
    live_kinds text[];
    matched_companies uuid[];
begin
    if tenant is null or text_folded is null or text_folded = '' or per_kind is null or per_kind < 1 then
        return;
    end if;
    -- only the kinds the Client has any record of: every tier of a kind costs a few statements even when its index
    -- is empty, and most Clients have no leads or no deals
    live_kinds := array(
        select k from unnest(kinds) with ordinality u (k, n)
        where exists (select 1 from search_entries e where e.tenant_id = tenant and e.record_type = k)
        order by n);
    if phone is not null then
        phone_prefixes := array(select left(phone, i) from generate_series(8, length(phone) - 1) i);
    end if;
    if text_folded like '% %' then
        typed_words := array(select w from unnest(regexp_split_to_array(text_folded, ' ')) w where w <> '');
        words_query := to_tsquery('simple', (
            select string_agg(quote_literal(w) || ':*', ' & ')
            from unnest(regexp_split_to_array(text_folded, ' ')) w where w <> ''));
    end if;
    foreach this_kind in array live_kinds loop
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
        -- every word typed starts a word of the record, in any order; not tried when one of the words starts no word
        -- of any record of the kind (a typo, mostly): the index would first collect every record with a word
        -- starting like each of the other words (thousands for a common first name) to find none. A word is known
        -- to start one when a term starts with it (one probe); else its own text query is asked (a word only inside
        -- a hyphenated name, "pierre" in "jean-pierre"), which for a word in no record is one probe too.
        if words_query is not null and cardinality(hits) < per_kind and not exists (
            select 1 from unnest(typed_words) w
            where not exists (select 1 from search_terms t
                              where t.tenant_id = tenant and t.record_type = this_kind
                                and t.term >= w and t.term < w || chr(1114111))
              and numnode(to_tsquery('simple', quote_literal(w) || ':*')) > 0
              and not exists (select 1 from search_entries e
                              where e.tenant_id = tenant and e.record_type = this_kind
                                and to_tsvector('simple', e.folded) @@ to_tsquery('simple', quote_literal(w) || ':*')))
        then
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
        -- people and deals of a company whose name (or a word of it, or its domain) starts with the text: "acme"
        -- finds Acme's contacts and deals after those with the text in their own name. At most 50 companies are
        -- looked at, each through the index of its records (contacts_company, deals_company).
        if this_kind in ('contact', 'deal') and cardinality(hits) < per_kind then
            if matched_companies is null then
                matched_companies := array(
                    select distinct t.record_id
                    from (select t.record_id
                          from search_terms t
                          where t.tenant_id = tenant and t.record_type = 'company'
                            and t.term >= text_folded and t.term < text_folded || chr(1114111)
                          order by t.term, t.record_id
                          limit 50) t);
            end if;
            if cardinality(matched_companies) > 0 then
                select hits || coalesce(array_agg(r.id), '{}'), hit_matches || coalesce(array_agg('company'::text), '{}')
                into hits, hit_matches
                from (
                    select r.id
                    from (select c.id from contacts c
                          where this_kind = 'contact' and c.tenant_id = tenant
                            and c.company_id = any(matched_companies) and c.deleted_at is null
                          union all
                          select d.id from deals d
                          where this_kind = 'deal' and d.tenant_id = tenant
                            and d.company_id = any(matched_companies) and d.deleted_at is null) r
                    join search_entries e on e.tenant_id = tenant and e.record_type = this_kind and e.record_id = r.id
                    where not r.id = any(hits)
                      and (unlimited or e.owner_id = any(owners) or (e.owner_id is null and e.created_by = any(owners)))
                    order by e.title, r.id
                    limit per_kind - cardinality(hits)
                ) r;
            end if;
        end if;
        if cardinality(hits) > 0 then
            return query
            select e.record_type, e.record_id, e.title, e.detail, c.name, s.name, e.amount, e.currency, h.match
            from unnest(hits, hit_matches) with ordinality h (id, match, position)
            join search_entries e on e.tenant_id = tenant and e.record_type = this_kind and e.record_id = h.id
            left join companies c on c.tenant_id = tenant and c.id = e.company_id and c.deleted_at is null
            left join pipeline_stages s on s.tenant_id = tenant and s.id = e.stage_id
            order by h.position;
        end if;
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
    foreach this_kind in array live_kinds loop
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
        if cardinality(hits) > 0 then
            return query
            select e.record_type, e.record_id, e.title, e.detail, c.name, s.name, e.amount, e.currency, h.match
            from unnest(hits, hit_matches) with ordinality h (id, match, position)
            join search_entries e on e.tenant_id = tenant and e.record_type = this_kind and e.record_id = h.id
            left join companies c on c.tenant_id = tenant and c.id = e.company_id and c.deleted_at is null
            left join pipeline_stages s on s.tenant_id = tenant and s.id = e.stage_id
            order by h.position;
        end if;
        found := found + cardinality(hits);
    end loop;
    if found > 0 then
        return;
    end if;
    -- then any spelling close enough
    foreach this_kind in array live_kinds loop
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
        if cardinality(hits) > 0 then
            return query
            select e.record_type, e.record_id, e.title, e.detail, c.name, s.name, e.amount, e.currency, h.match
            from unnest(hits, hit_matches) with ordinality h (id, match, position)
            join search_entries e on e.tenant_id = tenant and e.record_type = this_kind and e.record_id = h.id
            left join companies c on c.tenant_id = tenant and c.id = e.company_id and c.deleted_at is null
            left join pipeline_stages s on s.tenant_id = tenant and s.id = e.stage_id
            order by h.position;
        end if;
    end loop;
end
$$;
