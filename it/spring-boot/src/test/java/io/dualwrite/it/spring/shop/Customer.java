package io.dualwrite.it.spring.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

@Entity
@Table(name = "customer")
public class Customer {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 190)
  private String email;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "loyalty_points", nullable = false)
  private int loyaltyPoints;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  protected Customer() {}

  public Customer(String email, String name, LocalDateTime createdAt) {
    this.email = email;
    this.name = name;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getLoyaltyPoints() {
    return loyaltyPoints;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
