package dk.platform.settlement.infra;

import dk.platform.settlement.statement.SettlementAccounts;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The settlement's configuration: {@code settlement.accounts.*}, the defaults for a statement's accounts. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(SettlementConfig.Accounts.class)
public class SettlementConfig {

    @ConfigurationProperties("settlement.accounts")
    public record Accounts(String fees, String rejected, String difference) {
    }

    @Bean
    SettlementAccounts settlementAccounts(Accounts accounts) {
        return new SettlementAccounts(accounts.fees(), accounts.rejected(), accounts.difference());
    }
}
