package io.team365.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.identity.Team;
import io.team365.identity.internal.TeamDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Teams of the caller's Client, for the "own and team's records" visibility; admins and owners only. */
@RestController
@Tag(name = "Team")
class TeamsApiController {

    record TeamInput(String name, List<UUID> memberIds) {}

    private final TeamDirectory teams;

    TeamsApiController(TeamDirectory teams) {
        this.teams = teams;
    }

    @GetMapping("/api/v1/teams")
    @Operation(summary = "The Client's teams and their members")
    ListPage<Team> list() {
        return ListPage.complete(teams.list());
    }

    @GetMapping("/api/v1/teams/{id}")
    @Operation(summary = "One team")
    Team get(@PathVariable UUID id) {
        return teams.get(id);
    }

    @PostMapping("/api/v1/teams")
    @Operation(summary = "Create a team: a name, unique in the Client, and its members' user ids")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<Team> create(@RequestBody TeamInput input, HttpServletRequest request) {
        Team team = teams.create(input.name(), input.memberIds(), Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
    }

    @PatchMapping("/api/v1/teams/{id}")
    @Operation(summary = "Rename a team and/or replace its members")
    Team update(@PathVariable UUID id, @RequestBody TeamInput input, HttpServletRequest request) {
        return teams.update(id, input.name(), input.memberIds(), Actors.of(request));
    }

    @DeleteMapping("/api/v1/teams/{id}")
    @Operation(summary = "Delete a team; its members keep their own records")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        teams.delete(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }
}
