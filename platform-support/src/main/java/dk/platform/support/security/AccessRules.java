package dk.platform.support.security;

import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which roles may call which endpoints of an app: each app declares one bean of these. Rules are
 * tried in order and the first whose method and path pattern match decides; a path under
 * {@code /api/} that no rule names is refused to everyone (a new endpoint is closed until it is
 * given roles).
 */
public final class AccessRules {

    /** One rule: a method ({@code null} for any) and an Ant-style path pattern, and the roles that may call it. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public AccessRules allow(HttpMethod method, String pattern, Role first, Role... more) {
        rules.add(new Rule(method, pattern, EnumSet.of(first, more)));
        return this;
    }

    /** Reads ({@code GET}) of the pattern. */
    public AccessRules read(String pattern, Role first, Role... more) {
        return allow(HttpMethod.GET, pattern, first, more);
    }

    /** Any method of the pattern. */
    public AccessRules any(String pattern, Role first, Role... more) {
        return allow(null, pattern, first, more);
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
