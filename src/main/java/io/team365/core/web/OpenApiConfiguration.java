package io.team365.core.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's front matter: what the API is and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid input: the problem's errors name each bad field",
            "401", "No valid credentials",
            "403", "The caller's role does not allow this",
            "404", "No such resource in the caller's organisation",
            "429", "Rate limit reached; see Retry-After");

    /** Every API operation may answer with RFC 9457 problem details; say so once for all of them. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents()
                    .addSchemas(
                            "Problem",
                            new ObjectSchema()
                                    .addProperty("type", new StringSchema())
                                    .addProperty("title", new StringSchema())
                                    .addProperty("status", new IntegerSchema())
                                    .addProperty("detail", new StringSchema())
                                    .addProperty("instance", new StringSchema())
                                    .addProperty(
                                            "errors",
                                            new ArraySchema()
                                                    .items(new ObjectSchema()
                                                            .addProperty("field", new StringSchema())
                                                            .addProperty("message", new StringSchema()))));
            openApi.getPaths()
                    .values()
                    .forEach(
                            path -> path.readOperations()
                                    .forEach(
                                            operation -> PROBLEMS.forEach(
                                                    (status, description) -> operation
                                                            .getResponses()
                                                            .putIfAbsent(
                                                                    status,
                                                                    new ApiResponse()
                                                                            .description(description)
                                                                            .content(
                                                                                    new Content()
                                                                                            .addMediaType(
                                                                                                    "application/problem+json",
                                                                                                    new MediaType()
                                                                                                            .schema(
                                                                                                                    new Schema<>()
                                                                                                                            .$ref(
                                                                                                                                    "#/components/schemas/Problem"))))))));
        };
    }

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
