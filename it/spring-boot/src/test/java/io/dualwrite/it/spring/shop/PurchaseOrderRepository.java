package io.dualwrite.it.spring.shop;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

  /** Derived query with paging: {@code limit ?, ?} plus a count query. */
  Page<PurchaseOrder> findByStatus(OrderStatus status, Pageable page);

  long countByStatus(OrderStatus status);

  /** JPQL with a join, named parameters and an ORDER BY. */
  @Query(
      "select o from PurchaseOrder o join o.customer c"
          + " where c.email = :email and o.status in :statuses order by o.placedAt desc, o.id")
  List<PurchaseOrder> findForCustomer(
      @Param("email") String email, @Param("statuses") List<OrderStatus> statuses);

  /** JPQL aggregate. */
  @Query("select coalesce(sum(o.total), 0) from PurchaseOrder o where o.customer.id = :id")
  BigDecimal totalSpent(@Param("id") long customerId);
}
