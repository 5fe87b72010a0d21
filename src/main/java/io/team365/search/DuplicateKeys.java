package io.team365.search;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records of one type that share an exact key (the same email, phone or domain): the likely duplicates the review
 * lists. One pass over the Client's keys in index order, grouped; records in the trash have no keys.
 */
@Service
public class DuplicateKeys {

    /** Records sharing one key; {@code kind} is {@code email}, {@code phone} or {@code domain}. */
    public record Group(String kind, String key, List<UUID> recordIds) {}

    private final JdbcClient jdbc;

    DuplicateKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first {@code limit} keys (by kind, then key) that at least two records of {@code recordType} hold. */
    @Transactional(readOnly = true)
    public List<Group> groups(String recordType, int limit) {
        return jdbc.sql("""
                        select kind, key, array_agg(record_id order by record_id) from record_keys
                        where record_type = :type
                        group by kind, key having count(*) > 1
                        order by kind, key limit :limit
                        """)
                .param("type", recordType)
                .param("limit", limit)
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), Arrays.asList((UUID[])
                        rs.getArray(3).getArray())))
                .list();
    }
}
