package io.team365.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.identity.Actors;
import io.team365.identity.internal.PasswordResets;
import io.team365.identity.internal.SignUps;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sign-up")
class SignUpApiController {

    record SignUpRequest(String company, String name, String email, String password) {}

    record SignUpResponse(String tenantId, String userId) {}

    record PasswordResetRequest(String email) {}

    private final SignUps signUps;
    private final PasswordResets resets;

    SignUpApiController(SignUps signUps, PasswordResets resets) {
        this.signUps = signUps;
        this.resets = resets;
    }

    @PostMapping("/api/v1/signup")
    @Operation(summary = "Create a Client and its owner; a verification link is emailed to the owner")
    @ApiResponse(responseCode = "201", description = "Created; the owner must follow the emailed link first")
    @ApiResponse(responseCode = "409", description = "An account with this email exists")
    ResponseEntity<SignUpResponse> signUp(@RequestBody SignUpRequest body, HttpServletRequest request) {
        SignUps.Result result = signUps.signUp(
                new SignUps.Form(body.company(), body.name(), body.email(), body.password()), Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/me"))
                .body(new SignUpResponse(
                        result.tenantId().toString(), result.userId().toString()));
    }

    @PostMapping("/api/v1/password-resets")
    @Operation(
            summary = "Email a password-reset link, if the address has an account (the answer is the same either way)")
    @ApiResponse(responseCode = "202", description = "Accepted")
    ResponseEntity<Map<String, String>> requestReset(@RequestBody PasswordResetRequest body) {
        resets.request(body.email());
        return ResponseEntity.accepted().body(Map.of("status", "accepted"));
    }
}
