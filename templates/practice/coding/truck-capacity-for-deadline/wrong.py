def smallest_capacity(parcels, days):
    return max(max(parcels), -(-sum(parcels) // days))
