package io.mcpruntime.runtime;

import io.mcpruntime.runtime.auth.OAuthSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The command line's HTTP authentication options: none, the static bearer token, or OAuth 2.1 access tokens. */
final class AuthOptions {

    @Option(names = "--auth", defaultValue = "${env:MCP_AUTH:-}", paramLabel = "MODE",
            description = "How HTTP clients authenticate: none, token (MCP_AUTH_TOKEN) or oauth (access tokens "
                    + "from --oauth-issuer) (env MCP_AUTH, default token when MCP_AUTH_TOKEN is set, else none).")
    String mode;

    @Option(names = "--oauth-issuer", defaultValue = "${env:MCP_OAUTH_ISSUER}", paramLabel = "URL",
            description = "The authorization server whose access tokens are accepted: its issuer identifier "
                    + "(env MCP_OAUTH_ISSUER).")
    URI issuer;

    @Option(names = "--oauth-jwks-url", defaultValue = "${env:MCP_OAUTH_JWKS_URL}", paramLabel = "URL",
            description = "The issuer's signing keys (env MCP_OAUTH_JWKS_URL, default the jwks_uri of its "
                    + "metadata).")
    URI jwksUrl;

    @Option(names = "--oauth-resource", defaultValue = "${env:MCP_OAUTH_RESOURCE}", paramLabel = "URL",
            description = "This server's URL as clients reach it, e.g. https://mcp.example.com/mcp; tokens must "
                    + "name it as their audience (env MCP_OAUTH_RESOURCE).")
    URI resource;

    @Option(names = "--oauth-scopes", defaultValue = "${env:MCP_OAUTH_SCOPES:-}", split = ",", paramLabel = "SCOPE",
            description = "Scopes every request's token must grant (env MCP_OAUTH_SCOPES, comma-separated).")
    List<String> scopes;

    @Option(names = "--oauth-tool-scopes", defaultValue = "${env:MCP_OAUTH_TOOL_SCOPES:-}", split = ",",
            paramLabel = "TOOL=SCOPE", description = "Scopes a token needs to see and call tools, by tool name "
                    + "(* matches anything), e.g. sql_*=db:read; several scopes space-separated (env "
                    + "MCP_OAUTH_TOOL_SCOPES, comma-separated).")
    List<String> toolScopes;

    @Option(names = "--oauth-operator-scope", defaultValue = "${env:MCP_OAUTH_OPERATOR_SCOPE:-mcp:operator}",
            paramLabel = "SCOPE", description = "The scope a token needs for the operator console, which installs "
                    + "plugins (env MCP_OAUTH_OPERATOR_SCOPE, default ${DEFAULT-VALUE}).")
    String operatorScope;

    @Option(names = "--oauth-clock-skew", defaultValue = "${env:MCP_OAUTH_CLOCK_SKEW:-30}", paramLabel = "SECONDS",
            description = "How far a token's exp and nbf may be off (env MCP_OAUTH_CLOCK_SKEW, default "
                    + "${DEFAULT-VALUE}).")
    long clockSkewSeconds;

    /** The bearer token to check, or null (from the environment only, so it never shows in a process list). */
    String bearerToken(CommandLine command) {
        String token = System.getenv("MCP_AUTH_TOKEN");
        token = token == null || token.isBlank() ? null : token.trim();
        return switch (mode(token)) {
            case "token" -> {
                if (token == null) {
                    throw new CommandLine.ParameterException(command, "--auth=token needs MCP_AUTH_TOKEN");
                }
                yield token;
            }
            case "none", "oauth" -> null;
            default -> throw new CommandLine.ParameterException(command,
                    "--auth must be none, token or oauth, not '" + mode + "'");
        };
    }

    /** The OAuth settings, or null unless {@code --auth=oauth}. */
    OAuthSettings oauth(CommandLine command) {
        if (!mode(null).equals("oauth")) {
            return null;
        }
        if (issuer == null || resource == null) {
            throw new CommandLine.ParameterException(command, "--auth=oauth needs "
                    + (issuer == null ? "--oauth-issuer (MCP_OAUTH_ISSUER)" : "--oauth-resource (MCP_OAUTH_RESOURCE)"));
        }
        Set<String> required = scopes == null ? Set.of()
                : scopes.stream().map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (operatorScope == null || operatorScope.isBlank() || operatorScope.trim().contains(" ")) {
            throw new CommandLine.ParameterException(command,
                    "--oauth-operator-scope takes one scope, not '" + operatorScope + "'");
        }
        return new OAuthSettings(issuer, jwksUrl, resource, required, Duration.ofSeconds(clockSkewSeconds),
                toolScopes(command), operatorScope.trim());
    }

    private Map<String, Set<String>> toolScopes(CommandLine command) {
        Map<String, Set<String>> rules = new HashMap<>();
        for (String rule : toolScopes == null ? List.<String>of() : toolScopes) {
            if (rule.isBlank()) {
                continue;
            }
            int equals = rule.indexOf('=');
            if (equals <= 0 || rule.substring(equals + 1).isBlank()) {
                throw new CommandLine.ParameterException(command,
                        "--oauth-tool-scopes takes TOOL=SCOPE entries, not '" + rule + "'");
            }
            rules.computeIfAbsent(rule.substring(0, equals).trim(), tool -> new HashSet<>())
                    .addAll(List.of(rule.substring(equals + 1).trim().split("\\s+")));
        }
        return rules;
    }

    private String mode(String token) {
        String chosen = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        return !chosen.isEmpty() ? chosen : token != null ? "token" : "none";
    }
}
