package io.cti.console.access;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.security.Principal;
import java.time.Clock;
import java.util.List;

/**
 * The administrators' user API under {@code /api/admin/users} (ADMIN only, see {@link ConsoleSecurityConfiguration}):
 * list, read, create, change, set a password, unlock. Users are disabled, never deleted. Thread-safe (stateless).
 */
@RestController
@RequestMapping(path = "/api/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserAdminController {

    /** A new password. */
    record NewPassword(String password) {
    }

    private final UserAdmin admin;
    private final Clock clock;

    UserAdminController(UserAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    @GetMapping
    List<UserView> list() {
        return admin.list().stream().map(u -> UserView.of(u, clock)).toList();
    }

    @GetMapping("/{username}")
    UserView get(@PathVariable String username) {
        return UserView.of(admin.get(username), clock);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserView> create(@RequestBody UserDraft draft, Principal by) {
        StoredUser created = admin.create(draft, by.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{username}")
                .buildAndExpand(created.username()).toUri()).body(UserView.of(created, clock));
    }

    @PutMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserView change(@PathVariable String username, @RequestBody UserDraft draft, Principal by) {
        return UserView.of(admin.change(username, draft, by.getName()), clock);
    }

    @PostMapping(path = "/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserView setPassword(@PathVariable String username, @RequestBody NewPassword body, Principal by) {
        return UserView.of(admin.setPassword(username, body.password(), by.getName()), clock);
    }

    @PostMapping("/{username}/unlock")
    UserView unlock(@PathVariable String username, Principal by) {
        return UserView.of(admin.unlock(username, by.getName()), clock);
    }
}
