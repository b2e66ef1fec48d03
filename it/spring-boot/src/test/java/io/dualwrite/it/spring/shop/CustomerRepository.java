package io.dualwrite.it.spring.shop;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

  /** Derived query: {@code where email = ?}. */
  Optional<Customer> findByEmail(String email);

  /** Derived query: {@code where name like ? escape '\' order by name}. */
  List<Customer> findByNameStartingWithOrderByNameAsc(String prefix);

  /** JPQL bulk update. */
  @Transactional
  @Modifying
  @Query("update Customer c set c.loyaltyPoints = c.loyaltyPoints + :points where c.id = :id")
  int addLoyaltyPoints(@Param("id") long id, @Param("points") int points);
}
