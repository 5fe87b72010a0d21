package io.team365.identity.internal;

import io.team365.core.TenantId;
import io.team365.identity.Team;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code teams} and {@code team_members} of the bound Client. */
@Repository
class Teams {

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Team> all() {
        return jdbc.sql("""
                        select t.id, t.name, coalesce(array_agg(m.user_id) filter (where m.user_id is not null), '{}')
                        from teams t left join team_members m on m.team_id = t.id
                        group by t.id, t.name order by lower(t.name)
                        """)
                .query((rs, n) -> new Team(rs.getObject(1, UUID.class), rs.getString(2), Arrays.asList((UUID[])
                        rs.getArray(3).getArray())))
                .list();
    }

    Optional<Team> find(UUID id) {
        return all().stream().filter(team -> team.id().equals(id)).findFirst();
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select exists (select 1 from teams where lower(name) = lower(:name)"
                        + " and id is distinct from :except)")
                .param("name", name)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    void insert(TenantId tenant, UUID id, String name) {
        jdbc.sql("insert into teams (tenant_id, id, name) values (:tenant, :id, :name)")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("name", name)
                .update();
    }

    boolean rename(UUID id, String name) {
        return jdbc.sql("update teams set name = :name where id = :id")
                        .param("id", id)
                        .param("name", name)
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from teams where id = :id").param("id", id).update() == 1;
    }

    void setMembers(TenantId tenant, UUID teamId, Collection<UUID> userIds) {
        jdbc.sql("delete from team_members where team_id = :team")
                .param("team", teamId)
                .update();
        for (UUID user : new HashSet<>(userIds)) {
            jdbc.sql("insert into team_members (tenant_id, team_id, user_id) values (:tenant, :team, :user)")
                    .param("tenant", tenant.value())
                    .param("team", teamId)
                    .param("user", user)
                    .update();
        }
    }

    /** The person and everyone who shares at least one team with them. */
    Set<UUID> teammatesOf(UUID userId) {
        List<UUID> mates = new ArrayList<>(
                jdbc.sql("""
                        select distinct other.user_id from team_members mine
                        join team_members other on other.team_id = mine.team_id
                        where mine.user_id = :user
                        """).param("user", userId).query(UUID.class).list());
        mates.add(userId);
        return Set.copyOf(mates);
    }
}
