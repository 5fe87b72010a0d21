package io.team365.core.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's front matter: what the API is and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI team365OpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Team365 API")
                        .version("v1")
                        .description("The Team365 CRM REST API. Authenticate with a personal access token "
                                + "(Settings → API tokens) sent as 'Authorization: Bearer t365_…'. Errors are "
                                + "RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal access token, prefix t365_")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
