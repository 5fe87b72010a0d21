package io.team365.identity.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.mfa.ClientMfaPolicy;
import io.team365.identity.internal.mfa.RecoveryCodes;
import io.team365.identity.internal.mfa.SecondFactors;
import io.team365.identity.internal.passkeys.Passkey;
import io.team365.identity.internal.passkeys.Passkeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Passkeys: list, add (passkeys.js asks Spring's {@code /webauthn/register/options}, lets the browser
 * create the credential, and posts it here with a label), rename, remove. Only ever the signed-in person's own.
 */
@Controller
class PasskeySettingsController {

    private static final JsonMapper WEBAUTHN_JSON =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    private final Passkeys passkeys;
    private final SecondFactors secondFactors;
    private final ClientMfaPolicy mfaPolicy;
    private final RecoveryCodes recoveryCodes;
    private final MessageSource messages;
    /** The options Spring's options endpoint handed out, kept in the session until one registration uses them. */
    private final PublicKeyCredentialCreationOptionsRepository options;

    PasskeySettingsController(
            Passkeys passkeys,
            SecondFactors secondFactors,
            ClientMfaPolicy mfaPolicy,
            RecoveryCodes recoveryCodes,
            MessageSource messages,
            PublicKeyCredentialCreationOptionsRepository options) {
        this.passkeys = passkeys;
        this.secondFactors = secondFactors;
        this.mfaPolicy = mfaPolicy;
        this.recoveryCodes = recoveryCodes;
        this.messages = messages;
        this.options = options;
    }

    @GetMapping("/settings/security/passkeys")
    String list(
            @RequestParam(required = false) String added, @RequestParam(required = false) String removed, Model model) {
        String notice = added != null ? "passkeys.added" : removed != null ? "passkeys.removed" : null;
        return render(model, notice, null, FormErrors.none());
    }

    /** Body: {@code {"label": "…", "credential": <PublicKeyCredential as JSON>}}; answers JSON either way. */
    @PostMapping(value = "/settings/security/passkeys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> register(
            @RequestBody String body, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String label;
        PublicKeyCredential<AuthenticatorAttestationResponse> credential;
        try {
            JsonNode json = WEBAUTHN_JSON.readTree(body);
            JsonNode labelNode = json.get("label");
            JsonNode credentialNode = json.get("credential");
            if (credentialNode == null || !credentialNode.isObject()) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        "credential",
                        messages.getMessage("passkeys.error.malformed", null, locale));
            }
            label = labelNode != null && labelNode.isString() ? labelNode.stringValue() : null;
            credential = WEBAUTHN_JSON.treeToValue(
                    credentialNode, new TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>>() {});
            if (credential.getRawId() == null || credential.getResponse() == null) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        "credential",
                        messages.getMessage("passkeys.error.malformed", null, locale));
            }
        } catch (JacksonException | IllegalArgumentException malformed) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "credential",
                    messages.getMessage("passkeys.error.malformed", null, locale));
        }
        // one set of options, one attempt: a replayed or second post finds none
        PublicKeyCredentialCreationOptions issued = options.load(request);
        options.save(request, response, null);
        try {
            Passkey added = passkeys.register(SignedInUser.require(), label, issued, credential, Actors.of(request));
            return ResponseEntity.created(URI.create("/settings/security/passkeys"))
                    .body(Map.of(
                            "id",
                            added.id().toString(),
                            "label",
                            added.label(),
                            "redirectUrl",
                            "/settings/security/passkeys?added"));
        } catch (InvalidInput invalid) {
            InvalidInput.FieldError first = invalid.errors().getFirst();
            return problem(
                    HttpStatus.BAD_REQUEST,
                    first.field(),
                    messages.getMessage(first.messageKey(), first.args(), first.messageKey(), locale));
        }
    }

    @PostMapping("/settings/security/passkeys/{id}/rename")
    String rename(
            @PathVariable UUID id,
            @RequestParam(required = false) String label,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        try {
            passkeys.rename(SignedInUser.require(), id, label);
            return "redirect:/settings/security/passkeys";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, null, id, FormErrors.of(invalid, messages, locale));
        }
    }

    /**
     * Removes one of the person's passkeys, unless it is the last second factor of a member whose Client requires
     * two (as an authenticator app cannot be removed then); the recovery codes go with the last second factor.
     */
    @PostMapping("/settings/security/passkeys/{id}/remove")
    String remove(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        SignedInUser user = SignedInUser.require();
        boolean lastSecondFactor =
                !secondFactors.totp(user) && passkeys.list(user).size() == 1;
        if (lastSecondFactor && mfaPolicy.required(user.tenant())) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", "passkeys.error.required-by-client");
            return render(model, null, null, FormErrors.none());
        }
        passkeys.remove(user, id, Actors.of(request));
        recoveryCodes.discardUnlessSecondFactorLeft(user);
        return "redirect:/settings/security/passkeys?removed";
    }

    private String render(Model model, String notice, UUID renaming, FormErrors errors) {
        List<Passkey> list = passkeys.list(SignedInUser.require());
        model.asMap().putIfAbsent("error", null);
        model.addAttribute("passkeys", list);
        model.addAttribute("notice", notice);
        model.addAttribute("renaming", renaming);
        model.addAttribute("errors", errors);
        return "identity/passkeys/settings";
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
