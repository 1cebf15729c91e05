package org.careclock.user;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface UserRepository extends JpaRepository<AppUser, String> {

    boolean existsByRole(String role);

    long countByRoleAndEnabledTrue(String role);

    List<AppUser> findAllByOrderByIdAsc();
}
