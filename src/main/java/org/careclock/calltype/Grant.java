package org.careclock.calltype;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
record Grant(@Column(name = "role", nullable = false) String role,
             @Column(name = "capability", nullable = false) String capability) {
}
