package dk.platform.support.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    static PlatformSecurityProperties.ApiKey key(String hash, String... roles) {
        PlatformSecurityProperties.ApiKey key = new PlatformSecurityProperties.ApiKey();
        key.setHash(hash);
        key.setRoles(List.of(roles));
        return key;
    }

    @Test
    void aKeyIsFoundByItsHashWithItsNameAndRolesAndAnyOtherKeyIsNot() {
        ApiKeys keys = new ApiKeys(Map.of(
                "scripts", key(ApiKeys.sha256("s3cret-key-1"), "poster", "auditor"),
                "reports", key("sha256:" + ApiKeys.sha256("s3cret-key-2").toUpperCase(), "auditor")));
        assertThat(keys.find("s3cret-key-1")).contains(new ApiKeys.Key("scripts", Set.of(Role.POSTER, Role.AUDITOR)));
        assertThat(keys.find("s3cret-key-2")).contains(new ApiKeys.Key("reports", Set.of(Role.AUDITOR)));
        assertThat(keys.find("s3cret-key-3")).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }

    @Test
    void aConfigurationThatIsNotAHashOrNamesAnUnknownRoleStopsTheApp() {
        assertThatThrownBy(() -> new ApiKeys(Map.of("scripts", key("the-key-itself", "poster"))))
                .hasMessage("platform.security.api-keys.scripts.hash must be the SHA-256 of the key as 64 hex digits");
        assertThatThrownBy(() -> new ApiKeys(Map.of("scripts", key(ApiKeys.sha256("k"), "superuser"))))
                .hasMessageContaining("unknown role 'superuser'");
    }
}
