package org.askonce.accounts;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/users}: account management for admins as JSON (session or HTTP Basic), including
 * unlocking an account locked by too many failed logins. Bad input is 400, a taken username 409, an
 * unknown one 404, all as {@code {"error": "…"}}.
 */
@RestController
@RequestMapping(path = "/api/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserAdminApiController {

    private final UserAccounts accounts;
    private final LoginThrottle throttle;
    private final HallAssignments halls;

    UserAdminApiController(UserAccounts accounts, LoginThrottle throttle, HallAssignments halls) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.halls = halls;
    }

    /** halls: for a 窗口人员 (HALL_STAFF) account, at least one bookable hall; for other roles none. */
    record CreateRequest(String username, String displayName, String role, List<String> halls, String password) {
    }

    record HallsRequest(List<String> halls) {
    }

    /** The halls an account works in: assigned (stored) and, for an admin, every hall. */
    record Halls(String username, List<String> halls) {
    }

    record PasswordRequest(String password) {
    }

    @GetMapping
    List<UserAccount> list() {
        return accounts.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserAccount> create(@RequestBody CreateRequest request) {
        Role role = Role.parse(request.role());
        List<String> chosen = halls.check(role, request.halls());
        UserAccount created = accounts.create(request.username(), request.displayName(), role, request.password());
        if (role == Role.HALL_STAFF) {
            halls.assign(created.username(), chosen);
        }
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
    }

    @GetMapping("/{username}")
    UserAccount find(@PathVariable String username) {
        return accounts.find(username).orElseThrow(() -> new UnknownUserException(username));
    }

    @GetMapping("/{username}/halls")
    Halls halls(@PathVariable String username) {
        find(username);
        return new Halls(username, halls.hallsOf(username));
    }

    /** Replaces the halls of a 窗口人员 account: {@code {"halls": ["…"]}}. */
    @PutMapping(path = "/{username}/halls", consumes = MediaType.APPLICATION_JSON_VALUE)
    Halls assignHalls(@PathVariable String username, @RequestBody HallsRequest request) {
        return new Halls(username, halls.assign(username, request.halls()));
    }

    @PostMapping("/{username}/disable")
    UserAccount disable(@PathVariable String username, Principal me) {
        return accounts.disable(username, me.getName());
    }

    @PostMapping("/{username}/enable")
    UserAccount enable(@PathVariable String username) {
        return accounts.enable(username);
    }

    /** Forgets the account's failed logins, so that it may log in again at once. */
    @PostMapping("/{username}/unlock")
    UserAccount unlock(@PathVariable String username, Principal me) {
        UserAccount account = find(username);
        throttle.unlock(username, me.getName());
        return account;
    }

    @PostMapping(path = "/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody PasswordRequest request) {
        accounts.resetPassword(username, request.password());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UsernameTakenException.class)
    ResponseEntity<Map<String, String>> taken(UsernameTakenException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(UnknownUserException.class)
    ResponseEntity<Map<String, String>> unknown(UnknownUserException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }
}
