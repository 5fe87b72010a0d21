package io.team365.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.identity.ApiToken;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me")
class MeApiController {

    record Me(String userId, String tenantId, String email, String name, List<String> roles) {}

    record CreateToken(String name) {}

    record CreatedToken(String id, String name, String token) {}

    private final ApiTokens tokens;

    MeApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the credentials act for")
    Me me() {
        SignedInUser user = SignedInUser.require();
        return new Me(
                user.userId().toString(),
                user.tenant().toString(),
                user.email(),
                user.name(),
                List.of(user.role().value()));
    }

    @PostMapping("/api/v1/me/tokens")
    @Operation(summary = "Create a personal access token; the token is in this response only")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<CreatedToken> createToken(@RequestBody CreateToken body, HttpServletRequest request) {
        ApiTokens.Created created = tokens.create(SignedInUser.require(), body.name(), Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + created.id()))
                .header("Cache-Control", "no-store")
                .body(new CreatedToken(created.id().toString(), created.name(), created.token()));
    }

    @GetMapping("/api/v1/me/tokens")
    @Operation(summary = "The caller's tokens, without their secrets")
    ListPage<ApiToken> listTokens() {
        return ListPage.complete(tokens.list(SignedInUser.require()));
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    @Operation(summary = "Revoke a token")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@PathVariable UUID id, HttpServletRequest request) {
        tokens.revoke(SignedInUser.require(), id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }
}
