package org.careclock.api;

import org.careclock.base.Actor;
import org.careclock.user.RoleInfo;
import org.careclock.user.RoleService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** {@code POST /api/v2/roles}: creates a role; a role that exists already is answered as it is (200). */
@RestController
@RequestMapping("/api/v2/roles")
class RolesApi {

    private final RoleService roles;

    RolesApi(RoleService roles) {
        this.roles = roles;
    }

    @PostMapping
    ResponseEntity<Wire.RoleResponse> create(@RequestBody(required = false) byte[] body) {
        JsonBody request = JsonBody.parse(body).only(Set.of("name"));
        String name = request.required("name").string();
        boolean existed = roles.exists(name);
        RoleInfo role = roles.create(Actor.api(), name, null);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Wire.RoleResponse(new Wire.Role(role.name(), !role.builtIn(), List.of())));
    }
}
