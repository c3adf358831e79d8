package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.identity.api.StaffPolicy;
import dev.latchkey.identity.api.StaffRole;
import dev.latchkey.identity.api.StaffRoleChanged;
import dev.latchkey.identity.api.StaffRoles;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Staff roles granted in the console ({@code idn_staff_grant}). Every change checks the admin's fresh
 * step-up and permission in its own transaction (OWASP ASVS 4.0 V4.1.3 least privilege, V3.7.1
 * re-authentication) and fires {@link StaffRoleChanged} synchronously in it, so the audit row commits
 * with the change or not at all.
 */
@ApplicationScoped
@Transactional
class JpaStaffRoles implements StaffRoles {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Staff staff;

    @Inject
    JpaStaff jpaStaff;

    @Inject
    StaffPolicy policy;

    @Inject
    Event<StaffRoleChanged> changes;

    @Override
    public List<Member> members(StepUpProof proof) {
        staff.confirm(proof, Permission.STAFF_ROLES);
        Map<UUID, Member> members = new LinkedHashMap<>();
        Set<String> configured = new java.util.HashSet<>();
        policy.addresses().values().forEach(list -> list.forEach(e -> configured.add(e.value())));
        List<AccountEntity> accounts = new ArrayList<>();
        if (!configured.isEmpty()) {
            accounts.addAll(em.createQuery("from AccountEntity a where a.email in :emails", AccountEntity.class)
                    .setParameter("emails", configured).getResultList());
        }
        for (Object id : em.createNativeQuery("select distinct cast(account_id as varchar(36)) from idn_staff_grant").getResultList()) {
            Optional.ofNullable(em.find(AccountEntity.class, uuid(id))).filter(a -> a.email != null)
                    .filter(a -> accounts.stream().noneMatch(b -> b.id.equals(a.id))).ifPresent(accounts::add);
        }
        for (AccountEntity a : accounts) {
            Set<StaffRole> fromConfig = policy.roles(new EmailAddress(a.email));
            members.put(a.id, new Member(a.id, a.email, fromConfig, jpaStaff.granted(a.id)));
        }
        return members.values().stream().sorted(Comparator.comparing(Member::email)).toList();
    }

    @Override
    public void grant(StepUpProof proof, String email, StaffRole role) {
        UUID admin = staff.confirm(proof, Permission.STAFF_ROLES);
        Optional<EmailAddress> address = EmailAddress.parse(email);
        if (address.isEmpty()) {
            throw new Refused(Refused.Reason.INVALID, "Enter the address of the account, like name@example.com.");
        }
        if (role == null || !GRANTABLE.contains(role)) {
            throw new Refused(Refused.Reason.NOT_GRANTABLE, "Choose operator or branch agent: admins are listed in"
                    + " the LATCHKEY_ADMINS setting only.");
        }
        // Only a confirmed address, as for configured roles: a claim typed at sign-up proves nothing.
        AccountEntity account = em.createQuery("from AccountEntity a where a.email = :e", AccountEntity.class)
                .setParameter("e", address.get().value()).getResultStream().findFirst()
                .orElseThrow(() -> new Refused(Refused.Reason.NOT_FOUND, "No account has confirmed that address."));
        if (staff.roles(account.id).contains(role)) {
            throw new Refused(Refused.Reason.ALREADY_HELD, account.email + " is already " + article(role) + ".");
        }
        int added = em.createNativeQuery("insert into idn_staff_grant (account_id, role, granted_by, granted_at)"
                        + " values (?, ?, ?, current_timestamp) on conflict do nothing")
                .setParameter(1, account.id).setParameter(2, role.name()).setParameter(3, admin).executeUpdate();
        if (added != 1) {
            throw new Refused(Refused.Reason.ALREADY_HELD, account.email + " is already " + article(role) + ".");
        }
        changes.fire(new StaffRoleChanged(admin, account.id, account.email, role, true));
    }

    @Override
    public void revoke(StepUpProof proof, UUID accountId, StaffRole role) {
        UUID admin = staff.confirm(proof, Permission.STAFF_ROLES);
        AccountEntity account = accountId == null ? null : em.find(AccountEntity.class, accountId);
        if (account == null || role == null) {
            throw new Refused(Refused.Reason.NOT_FOUND, "There is no such grant.");
        }
        int removed = em.createNativeQuery("delete from idn_staff_grant where account_id = ? and role = ?")
                .setParameter(1, accountId).setParameter(2, role.name()).executeUpdate();
        if (removed != 1) {
            throw new Refused(Refused.Reason.NOT_GRANTED, "That role was not granted here"
                    + (account.email != null && policy.roles(new EmailAddress(account.email)).contains(role)
                    ? ": it comes from the deployment's configuration." : "."));
        }
        changes.fire(new StaffRoleChanged(admin, accountId, account.email == null ? "" : account.email, role, false));
    }

    private static String article(StaffRole role) {
        return (role == StaffRole.OPERATOR || role == StaffRole.ADMIN ? "an " : "a ") + role.words();
    }

    private static UUID uuid(Object value) {
        return UUID.fromString(value.toString());
    }

}
