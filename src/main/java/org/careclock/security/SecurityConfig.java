package org.careclock.security;

import org.careclock.base.Roles;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.careclock.security.ui.LoginView;
import org.careclock.user.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;

/**
 * Form sign-in against the users table for the pages; the JSON API under /api has its own
 * stateless chain (its requests authenticate with the API key and a signed token).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    /** A hash that matches no password, so an account without one cannot sign in. */
    private static final String NO_PASSWORD = "{noop}\u0000no-password";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain vaadinChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles.css", "/icons/**", "/favicon.ico", "/actuator/health").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserService users) {
        return username -> users.credentials(username)
                .map(c -> {
                    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.USER_AUTHORITY));
                    if (Roles.ADMIN.equals(c.role())) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN_AUTHORITY));
                    }
                    return User.withUsername(c.userId())
                            .password(c.passwordHash() == null ? NO_PASSWORD : c.passwordHash())
                            .disabled(!c.enabled())
                            .authorities(authorities)
                            .build();
                })
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
