package io.cti.router.callbacks;

import io.cti.core.customers.CustomerCards;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.router.queues.QueueRepository;
import io.cti.router.queues.RouterApiAutoConfiguration;
import io.cti.router.queues.RouterSchema;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.StaffAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Puts the stored callbacks into any application where {@link RouterApiAutoConfiguration} has migrated the router's
 * tables; where the customer database and a phone-number reader are there too, also the scheduling API under
 * /api/callbacks (error handling, JSON rules and the body limit come from the router API). The settings are the
 * application's {@link CallbackSettings} bean, or the defaults. Stateless.
 */
@AutoConfiguration(after = {RouterApiAutoConfiguration.class, StaffAutoConfiguration.class})
@ConditionalOnBean(RouterSchema.class)
public class CallbackAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CallbackRepository callbackRepository(DataSource dataSource, RouterSchema schema) {
        return new CallbackRepository(dataSource, schema);
    }

    @Bean
    @ConditionalOnMissingBean
    CallbackSettings callbackSettings() {
        return CallbackSettings.defaults();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({PhoneNumberNormalizer.class, CustomerCards.class})
    CallbackBook callbackBook(CallbackRepository callbacks, QueueRepository queues, AgentRepository agents,
                              PhoneNumberNormalizer normalizer, CustomerCards cards, CallbackSettings settings,
                              ObjectProvider<Clock> clock) {
        return new CallbackBook(callbacks, queues, agents, normalizer, cards, settings,
                clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * The HTTP edge, only where there is a servlet web server and what the book needs (conditions on the book itself
     * would be evaluated before it is defined: nested configurations come first).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean({PhoneNumberNormalizer.class, CustomerCards.class})
    @Import(CallbackController.class)
    static class Web {
    }
}
