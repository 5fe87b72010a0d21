package io.team365.tenancy.internal;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TenantBindingConfiguration {

    @Bean
    static BeanPostProcessor tenantBindingDataSourcePostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof TenantBindingDataSource)) {
                    return new TenantBindingDataSource(dataSource);
                }
                return bean;
            }
        };
    }
}
