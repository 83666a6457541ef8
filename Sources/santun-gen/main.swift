print("santun-gen: not yet")
