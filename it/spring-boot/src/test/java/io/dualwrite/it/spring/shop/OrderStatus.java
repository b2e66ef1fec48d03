package io.dualwrite.it.spring.shop;

public enum OrderStatus {
  NEW,
  PAID,
  SHIPPED,
  CANCELLED
}
