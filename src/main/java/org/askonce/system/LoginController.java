package org.askonce.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The staff login page; someone already logged in goes on to their start page. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:" + SecurityConfiguration.LandingByRole.landing(authentication);
        }
        return "login";
    }

    /**
     * {@code GET /logout} (a bookmark, a typed address): a page that asks, since logging out is a POST that carries
     * the CSRF token; nobody logged in goes to the login page.
     */
    @GetMapping("/logout")
    String logout(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return "redirect:/login";
        }
        return "logout";
    }

    /** A login the throttle refused (forwarded here by the security configuration): 429 and the login page saying why. */
    @RequestMapping(SecurityConfiguration.LOGIN_REFUSED_PAGE)
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object message = request.getAttribute(SecurityConfiguration.LOGIN_REFUSED);
        if (message == null) { // opened directly
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("refused", message);
        return "login";
    }
}
