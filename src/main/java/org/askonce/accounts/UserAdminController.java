package org.askonce.accounts;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users}: the admins' page to list, create, disable and enable accounts, set new
 * passwords and unlock accounts locked by too many failed logins ({@link LoginThrottle}). Every change
 * is a POST with the CSRF token; a refused one shows its reason on the page.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final UserAccounts accounts;
    private final LoginThrottle throttle;
    private final HallAssignments halls;

    UserAdminController(UserAccounts accounts, LoginThrottle throttle, HallAssignments halls) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.halls = halls;
    }

    /** The create form (halls: for 窗口人员 only); the passwords are never sent back to the page. */
    record NewUser(String username, String displayName, String role, List<String> halls, String password, String passwordAgain) {

        static NewUser empty() {
            return new NewUser("", "", Role.AGENT.name(), List.of(), null, null);
        }

        NewUser withoutPasswords() {
            return new NewUser(username, displayName, role, halls == null ? List.of() : halls, null, null);
        }
    }

    /** A row of the list, as people read it; halls only for hall staff. */
    record Row(String username, String displayName, String role, boolean enabled, boolean locked, String created,
               boolean hallStaff, List<String> halls) {
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", NewUser.empty());
        }
        Set<String> locked = throttle.lockedUsernames();
        Map<String, List<String>> assigned = halls.all();
        model.addAttribute("users", accounts.list().stream()
                .map(u -> new Row(u.username(), u.displayName(), u.role().label(), u.enabled(),
                        locked.contains(LoginThrottle.key(u.username())), CREATED.format(u.createdAt()),
                        u.role() == Role.HALL_STAFF, assigned.getOrDefault(u.username(), List.of())))
                .toList());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("bookableHalls", halls.bookableHalls());
        return "admin/users";
    }

    @PostMapping
    String create(@ModelAttribute("form") NewUser form, Model model, RedirectAttributes redirect) {
        try {
            if (!Objects.equals(form.password(), form.passwordAgain())) {
                throw new IllegalArgumentException("两次输入的密码不一致");
            }
            Role role = Role.parse(form.role());
            List<String> chosen = halls.check(role, form.halls());
            UserAccount created = accounts.create(strip(form.username()), form.displayName(), role, form.password());
            if (role == Role.HALL_STAFF) {
                halls.assign(created.username(), chosen);
            }
            redirect.addFlashAttribute("message", "已创建" + created.role().label() + "“" + created.username() + "”");
            return "redirect:/admin/users";
        } catch (IllegalArgumentException e) {
            model.addAttribute("form", form.withoutPasswords());
            model.addAttribute("formError", e.getMessage());
            return list(model);
        }
    }

    @PostMapping("/{username}/disable")
    String disable(@PathVariable String username, Principal me, RedirectAttributes redirect) {
        return change(redirect, () -> accounts.disable(username, me.getName()), "已停用“" + username + "”");
    }

    @PostMapping("/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes redirect) {
        return change(redirect, () -> accounts.enable(username), "已启用“" + username + "”");
    }

    /** Lifts a lock from too many failed logins: the account may log in again at once. */
    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, Principal me, RedirectAttributes redirect) {
        return change(redirect, () -> {
            accounts.find(username).orElseThrow(() -> new UnknownUserException(username));
            throttle.unlock(username, me.getName());
        }, "已解锁“" + username + "”，可以立即重新登录");
    }

    /** Sets the halls a hall-staff account works in. */
    @PostMapping("/{username}/halls")
    String assignHalls(@PathVariable String username, @RequestParam(required = false) List<String> halls, RedirectAttributes redirect) {
        return change(redirect, () -> this.halls.assign(username, halls), "已为“" + username + "”设置大厅");
    }

    @PostMapping("/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "") String passwordAgain, RedirectAttributes redirect) {
        return change(redirect, () -> {
            if (!password.equals(passwordAgain)) {
                throw new IllegalArgumentException("两次输入的密码不一致");
            }
            accounts.resetPassword(username, password);
        }, "已为“" + username + "”设置新密码");
    }

    private static String change(RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        } catch (IllegalArgumentException | UnknownUserException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
