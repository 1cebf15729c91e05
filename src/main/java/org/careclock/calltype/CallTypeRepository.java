package org.careclock.calltype;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CallTypeRepository extends JpaRepository<CallType, String> {

    @Query(value = "select count(*) from calls where call_type = ?1", nativeQuery = true)
    long countCallsOfType(String name);
}
