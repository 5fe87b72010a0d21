package io.team365.identity.web;

import io.team365.core.web.PageContext;
import io.team365.core.web.ProblemResponses;
import io.team365.identity.Membership;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import io.team365.identity.internal.AccountSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page template its {@link PageContext}: texts, CSRF token and the signed-in person. */
@ControllerAdvice
class PageContextAdvice {

    private final MessageSource messages;
    private final TeamManagement team;
    private final AccountSettings account;

    PageContextAdvice(MessageSource messages, TeamManagement team, AccountSettings account) {
        this.messages = messages;
        this.team = team;
        this.account = account;
    }

    @ModelAttribute("page")
    PageContext page(HttpServletRequest request, Locale locale) {
        if (ProblemResponses.isApi(request)) {
            return null; // API responses render no page; touching the CSRF token would create a session
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PageContext.Viewer viewer = SignedInUser.current().map(this::viewer).orElse(null);
        return new PageContext(
                messages,
                locale,
                csrf == null ? () -> "" : csrf::getToken,
                // the default name: asking the deferred token for it would make the token, and a session
                "_csrf",
                path,
                viewer);
    }

    private ZoneId zoneOf(SignedInUser user) {
        try {
            return ZoneId.of(account.profile(user).timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private PageContext.Viewer viewer(SignedInUser user) {
        List<Membership> memberships = team.membershipsOf(user.userId());
        String clientName = memberships.stream()
                .filter(m -> m.tenant().equals(user.tenant()))
                .map(Membership::clientName)
                .findFirst()
                .orElse("");
        List<PageContext.Workspace> workspaces = memberships.stream()
                .map(m -> new PageContext.Workspace(
                        m.tenant().toString(), m.clientName(), m.tenant().equals(user.tenant())))
                .toList();
        return new PageContext.Viewer(
                user.userId(),
                user.name(),
                user.email(),
                clientName,
                user.role().value(),
                user.role().atLeast(Role.ADMIN),
                user.role().atLeast(Role.MEMBER),
                workspaces,
                zoneOf(user));
    }
}
