package org.careclock.api;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiCredentialRepository extends JpaRepository<ApiCredential, Integer> {
}
