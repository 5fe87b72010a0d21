package io.team365.identity.internal.sso;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * What a provider told us about the person, reduced to what we keep: who they are at the provider (issuer and
 * subject), their email and whether the provider vouches for it, their name and picture address. Nothing else of
 * the ID token or user-info response is kept.
 */
record ProviderClaims(
        String registrationId,
        String issuer,
        String subject,
        String email,
        boolean emailVerified,
        String name,
        String pictureUrl)
        implements java.io.Serializable {

    /**
     * Email verification: OpenID Connect's {@code email_verified} claim, or Microsoft Entra ID's {@code xms_edov}
     * ("email domain owner verified"; Entra's {@code email} claim is otherwise unverified). Plain OAuth2 providers
     * (Facebook) send no such claim, so their addresses count as unverified: they sign in only through a link made
     * from Settings (ADR 0028).
     */
    static ProviderClaims of(ClientRegistration registration, OAuth2User user) {
        Map<String, Object> attributes = user.getAttributes();
        String issuer;
        String subject;
        if (user instanceof OidcUser oidc) {
            issuer = oidc.getIssuer() == null
                    ? issuerOf(registration)
                    : oidc.getIssuer().toString();
            subject = oidc.getSubject();
        } else {
            issuer = issuerOf(registration);
            subject = user.getName();
        }
        boolean verified = isTrue(attributes.get("email_verified")) || isTrue(attributes.get("xms_edov"));
        Object email = attributes.get("email");
        String name = text(attributes.get("name"));
        if (name == null) {
            String given = text(attributes.get("given_name"));
            String family = text(attributes.get("family_name"));
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        return new ProviderClaims(
                registration.getRegistrationId(),
                clip(issuer, 500),
                subject,
                email instanceof String text && text.contains("@") && text.length() <= 254
                        ? text.strip().toLowerCase(Locale.ROOT)
                        : null,
                verified && email != null,
                clip(name, 200),
                picture(attributes.get("picture")));
    }

    boolean usable() {
        return subject != null && !subject.isBlank() && subject.length() <= 255 && issuer != null;
    }

    /** Plain OAuth2 has no issuer: the provider's sign-in origin stands in for it. */
    private static String issuerOf(ClientRegistration registration) {
        String issuer = registration.getProviderDetails().getIssuerUri();
        if (issuer != null) {
            return issuer;
        }
        URI authorization = URI.create(registration.getProviderDetails().getAuthorizationUri());
        return authorization.getScheme() + "://" + authorization.getAuthority();
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    private static String clip(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }

    /** Only an http(s) address of reasonable length; Facebook's nested picture object is not kept. */
    private static String picture(Object value) {
        String url = text(value);
        if (url == null || url.length() > 2000) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }
}
