package io.referrals.metrics.entity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class NewClientsRepository implements PanacheRepositoryBase<NewClients, NewClients.Key> {

    public Optional<Integer> count(String tenantId, String month) {
        return findByIdOptional(new NewClients.Key(tenantId, month)).map(n -> n.count);
    }

    public void save(String tenantId, String month, int count) {
        NewClients row = findById(new NewClients.Key(tenantId, month));
        if (row == null) {
            row = new NewClients();
            row.key = new NewClients.Key(tenantId, month);
            persist(row);
        }
        row.count = count;
    }
}
