package io.team365.operators.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.operators.OperatorGrant;
import io.team365.operators.internal.OperatorGrants;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator access grants of the Client (admins only): list, grant, revoke. */
@RestController
@Tag(name = "Operator access")
class OperatorGrantApiController {

    private final OperatorGrants grants;

    OperatorGrantApiController(OperatorGrants grants) {
        this.grants = grants;
    }

    record GrantRequest(
            @JsonProperty("scope") String scope,
            @JsonProperty("reason") String reason,
            @JsonProperty("until") String until) {}

    @GetMapping("/api/v1/operator-grants")
    @Operation(summary = "The Client's operator access grants, newest first, live or not")
    ListPage<OperatorGrant> list() {
        return new ListPage<>(grants.all(), null);
    }

    @PostMapping("/api/v1/operator-grants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Lets Team365 operators in: scope settings or records:read, a reason, until at most 7 days ahead")
    OperatorGrant grant(@RequestBody GrantRequest body, HttpServletRequest request) {
        Instant until;
        try {
            until = body.until() == null ? null : Instant.parse(body.until());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("until", "audit.operators.until-invalid");
        }
        return grants.grant(body.scope(), body.reason(), until, Actors.of(request));
    }

    @PostMapping("/api/v1/operator-grants/{id}/revoke")
    @Operation(summary = "Ends a grant now")
    OperatorGrant revoke(@PathVariable UUID id, HttpServletRequest request) {
        if (grants.find(id).isEmpty()) {
            throw new NotFound("operator-grant");
        }
        return grants.revoke(id, Actors.of(request));
    }
}
