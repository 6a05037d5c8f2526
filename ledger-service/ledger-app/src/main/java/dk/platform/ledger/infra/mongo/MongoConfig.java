package dk.platform.ledger.infra.mongo;

import dk.platform.ledger.api.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.List;

/** Money is stored as its decimal string, exactly as it is published: no binary floating point anywhere. */
@Configuration
public class MongoConfig {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new MoneyToString(), new StringToMoney()));
    }

    @WritingConverter
    static final class MoneyToString implements Converter<Money, String> {
        @Override
        public String convert(Money source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToMoney implements Converter<String, Money> {
        @Override
        public Money convert(String source) {
            return Money.of(source);
        }
    }
}
