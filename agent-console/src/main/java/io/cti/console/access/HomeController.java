package io.cti.console.access;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sends {@code /} to the logged-in user's home page: the agent desktop for agents, the wallboard for supervisors,
 * the campaign pages for campaign managers, the administration for administrators (the first that applies, in that
 * order). Unauthenticated visitors never get here: security sends them to the login page. Stateless.
 */
@Controller
class HomeController {

    static String homeOf(ConsolePrincipal user) {
        if (user.has(Role.AGENT)) {
            return "/agent.html";
        }
        if (user.has(Role.SUPERVISOR)) {
            return "/supervisor.html";
        }
        if (user.has(Role.CAMPAIGN_MANAGER)) {
            return "/campaigns.html";
        }
        return user.has(Role.ADMIN) ? "/admin.html" : "/login.html";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        String home = authentication != null && authentication.getPrincipal() instanceof ConsolePrincipal user
                ? homeOf(user) : "/login.html";
        return "redirect:" + home;
    }
}
