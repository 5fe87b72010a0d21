package io.team365.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.InvalidInput;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.identity.Invitation;
import io.team365.identity.Member;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import io.team365.identity.internal.Invitations;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Members and invitations of the caller's Client; admins and owners only. */
@RestController
@Tag(name = "Team")
class TeamApiController {

    record RoleChange(String role) {}

    record InvitationRequest(String email, String role) {}

    private final TeamManagement team;
    private final Invitations invitations;

    TeamApiController(TeamManagement team, Invitations invitations) {
        this.team = team;
        this.invitations = invitations;
    }

    @GetMapping("/api/v1/members")
    @Operation(summary = "The Client's members and their roles")
    ListPage<Map<String, Object>> members() {
        return ListPage.complete(
                team.members().stream().map(TeamApiController::json).toList());
    }

    @PatchMapping("/api/v1/members/{userId}")
    @Operation(summary = "Change a member's role; the last owner cannot be demoted")
    Map<String, Object> changeRole(
            @PathVariable UUID userId, @RequestBody RoleChange body, HttpServletRequest request) {
        Role role = Role.parse(body.role() == null ? "" : body.role())
                .orElseThrow(() -> InvalidInput.of("role", "validation.role"));
        team.changeRole(SignedInUser.require(), userId, role, Actors.of(request));
        return team.members().stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .map(TeamApiController::json)
                .orElseThrow();
    }

    @DeleteMapping("/api/v1/members/{userId}")
    @Operation(summary = "Remove a member from the Client; the last owner cannot be removed")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "409", description = "The last owner cannot be removed")
    ResponseEntity<Void> remove(@PathVariable UUID userId, HttpServletRequest request) {
        team.remove(SignedInUser.require(), userId, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/invitations")
    @Operation(summary = "Invite someone by email")
    @ApiResponse(responseCode = "201", description = "Invitation sent")
    ResponseEntity<Map<String, Object>> invite(@RequestBody InvitationRequest body, HttpServletRequest request) {
        UUID id = invitations.invite(SignedInUser.require(), body.email(), body.role(), Actors.of(request));
        Invitation created = invitations.list().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + id)).body(json(created));
    }

    @GetMapping("/api/v1/invitations")
    @Operation(summary = "Invitations sent, newest first")
    ListPage<Map<String, Object>> listInvitations() {
        return ListPage.complete(
                invitations.list().stream().map(TeamApiController::json).toList());
    }

    @DeleteMapping("/api/v1/invitations/{id}")
    @Operation(summary = "Revoke an invitation that has not been accepted")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@PathVariable UUID id, HttpServletRequest request) {
        invitations.revoke(SignedInUser.require(), id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> json(Member m) {
        return Map.of(
                "userId",
                m.userId().toString(),
                "email",
                m.email(),
                "name",
                m.name(),
                "role",
                m.role().value(),
                "joinedAt",
                m.joinedAt().toString());
    }

    private static Map<String, Object> json(Invitation i) {
        return Map.of(
                "id",
                i.id().toString(),
                "email",
                i.email(),
                "role",
                i.role().value(),
                "status",
                i.status(),
                "createdAt",
                i.createdAt().toString(),
                "expiresAt",
                i.expiresAt().toString());
    }
}
