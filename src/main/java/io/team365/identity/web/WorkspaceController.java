package io.team365.identity.web;

import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.WorkspaceSelector;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Switching between the Clients a person belongs to. */
@Controller
class WorkspaceController {

    private final WorkspaceSelector workspaces;

    WorkspaceController(WorkspaceSelector workspaces) {
        this.workspaces = workspaces;
    }

    @PostMapping("/switch-client")
    String switchClient(
            @RequestParam(required = false) String tenantId, HttpServletRequest request, HttpServletResponse response) {
        TenantId target;
        try {
            target = TenantId.of(String.valueOf(tenantId));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        SignedInUser switched = workspaces
                .switchTo(SignedInUser.require(), target)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        request.changeSessionId();
        SignedInSessions.replace(switched, request, response);
        return "redirect:/app";
    }
}
